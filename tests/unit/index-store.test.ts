import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  PENDING_KEY,
  POINTER_KEY,
  dropStoredIndex,
  loadActiveIndex,
  readPointer,
  storeAcceptedIndex,
  withIndexLock,
} from '@/utils/index-store';
import { BUNDLED, makeIndex, newPerson } from './background.fixtures';

const v = (n: number) => BUNDLED.version + n;
const store = (index: ReturnType<typeof makeIndex>, now?: number) => storeAcceptedIndex(JSON.stringify(index), index, now);
const allKeys = async () => Object.keys(await fakeBrowser.storage.local.get(null)).sort();

beforeEach(() => fakeBrowser.reset());

describe('loading', () => {
  it('uses the bundled index when nothing is stored', async () => {
    const active = await loadActiveIndex(BUNDLED, { repair: true });
    expect(active.source).toBe('bundled');
    expect(active.index).toBe(BUNDLED);
  });

  it('uses a stored index newer than the bundled one, across a "restart" (a fresh load)', async () => {
    const next = makeIndex(v(1), ['bakhtin-aleksandr'], [newPerson()]);
    await store(next);
    const active = await loadActiveIndex(BUNDLED, { repair: true });
    expect(active.source).toBe('downloaded');
    expect(active.index).toEqual(next);
  });

  it('drops the stored index when the bundled one is as new or newer (an extension update)', async () => {
    const old = makeIndex(v(1), ['bakhtin-aleksandr']);
    await store(old);
    const updatedBundle = { ...BUNDLED, version: v(2) };
    const active = await loadActiveIndex(updatedBundle, { repair: true });
    expect(active.source).toBe('bundled');
    expect(await allKeys()).toEqual([]);
  });

  it('without repair (the popup) it reads but never deletes', async () => {
    await store(makeIndex(v(1), ['bakhtin-aleksandr']));
    const active = await loadActiveIndex({ ...BUNDLED, version: v(2) }, { repair: false });
    expect(active.source).toBe('bundled');
    expect(await readPointer()).not.toBeNull();
  });

  it('falls back to the bundled index when the stored text was altered', async () => {
    const next = makeIndex(v(1), ['bakhtin-aleksandr']);
    const pointer = await store(next);
    const tampered = JSON.stringify({ ...next, generatedAt: '2027-02-02T00:00:00Z' });
    await fakeBrowser.storage.local.set({ [pointer.key.slice('local:'.length)]: tampered });
    const active = await loadActiveIndex(BUNDLED, { repair: true });
    expect(active.source).toBe('bundled');
    expect(await readPointer()).toBeNull();
  });

  it('falls back when the pointer names text that is missing', async () => {
    const pointer = await store(makeIndex(v(1), ['bakhtin-aleksandr']));
    await fakeBrowser.storage.local.remove(pointer.key.slice('local:'.length));
    expect((await loadActiveIndex(BUNDLED, { repair: true })).source).toBe('bundled');
  });
});

describe('atomic switch', () => {
  it('replaces the previous stored index and leaves exactly one text and the pointer', async () => {
    await store(makeIndex(v(1), ['bakhtin-aleksandr']), 1000);
    const second = await store(makeIndex(v(2), ['bakhtin-aleksandr'], [newPerson()]), 2000);
    const keys = await allKeys();
    expect(keys).toEqual([POINTER_KEY.slice(6), second.key.slice(6)].sort());
    expect((await loadActiveIndex(BUNDLED, { repair: true })).index.version).toBe(v(2));
  });

  // Simulates the worker dying at each step of the switch: storage.local.set throws from the
  // n-th call on, as if nothing after that point happened. The old index must stay in use.
  for (const failAt of [1, 2, 3]) {
    it(`keeps the old index when the store stops at write ${failAt}`, async () => {
      const first = makeIndex(v(1), ['bakhtin-aleksandr']);
      await store(first);
      const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
      let calls = 0;
      const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
        calls += 1;
        if (calls >= failAt) throw new Error('worker stopped');
        return set(items);
      });
      await expect(store(makeIndex(v(2), ['bakhtin-aleksandr'], [newPerson()]))).rejects.toThrow('worker stopped');
      spy.mockRestore();

      const active = await loadActiveIndex(BUNDLED, { repair: true });
      expect(active.source).toBe('downloaded');
      expect(active.index).toEqual(first);
      // The clean-up removed whatever the interrupted store left behind.
      const pointer = await readPointer();
      expect(await allKeys()).toEqual([POINTER_KEY.slice(6), pointer!.key.slice(6)].sort());
    });
  }

  it('refuses to switch when the text does not read back intact', async () => {
    const first = makeIndex(v(1), ['bakhtin-aleksandr']);
    await store(first);
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    const spy = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
      const result = (await get(keys as string)) as Record<string, unknown>;
      for (const k of Object.keys(result)) if (k.startsWith('index.text.') && typeof result[k] === 'string') result[k] = (result[k] as string).slice(0, 10);
      return result;
    });
    await expect(store(makeIndex(v(2), ['bakhtin-aleksandr']))).rejects.toThrow('read back');
    spy.mockRestore();
    expect((await loadActiveIndex(BUNDLED, { repair: true })).index).toEqual(first);
  });

  it('after a stop between writing the text and flipping the pointer, the pending text is removed', async () => {
    const first = makeIndex(v(1), ['bakhtin-aleksandr']);
    await store(first);
    // What the store writes before the pointer: the journal entry and the new text.
    await fakeBrowser.storage.local.set({ [PENDING_KEY.slice(6)]: 'local:index.text.99.1', 'index.text.99.1': '{"half":' });
    const active = await loadActiveIndex(BUNDLED, { repair: true });
    expect(active.index).toEqual(first);
    expect(await allKeys()).not.toContain('index.text.99.1');
    expect(await allKeys()).not.toContain(PENDING_KEY.slice(6));
  });

  it('dropStoredIndex forgets the download', async () => {
    await store(makeIndex(v(1), ['bakhtin-aleksandr']));
    await dropStoredIndex();
    expect(await allKeys()).toEqual([]);
  });
});

describe('withIndexLock', () => {
  it('runs tasks one at a time, in order, even when one fails', async () => {
    const log: string[] = [];
    const slow = withIndexLock(async () => {
      log.push('a-start');
      await new Promise((r) => setTimeout(r, 20));
      log.push('a-end');
    });
    const failing = withIndexLock(async () => {
      log.push('b');
      throw new Error('x');
    });
    const last = withIndexLock(async () => log.push('c'));
    await Promise.allSettled([slow, failing, last]);
    expect(log).toEqual(['a-start', 'a-end', 'b', 'c']);
  });
});
