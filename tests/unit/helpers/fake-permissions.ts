/**
 * An in-memory stand-in for `permissions`, `scripting` and `runtime.getManifest` on WXT's
 * fakeBrowser (which leaves them unimplemented), close to how Chromium behaves:
 *
 * - `request` grants only what the test's `answer` allows, and fires `onAdded` for what is new;
 *   `remove` fires `onRemoved`. `revoke` is the reader doing it in the browser's settings.
 * - `browser.scripting` is undefined until 'scripting' is first granted; after a revocation the
 *   object stays and every call on it throws, as in Chromium 156.
 * - registering an id twice, or updating / unregistering an id that is not registered, throws.
 *
 * Every scripting call is logged in `calls`, so a test can check what was asked, in order.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NEWS_SITE_MATCHES } from '@/lib/news-sites';

interface Grants {
  origins?: string[];
  permissions?: string[];
}
interface Script {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: string;
  persistAcrossSessions?: boolean;
}
type Listener = (change: Grants) => void;

export interface FakePermissions {
  origins: Set<string>;
  permissions: Set<string>;
  registered: Map<string, Script>;
  calls: { method: string; arg: unknown }[];
  requests: Grants[];
  /** Decides each `permissions.request`; by default the reader allows. */
  answer: (request: Grants) => boolean | Promise<boolean>;
  /** The reader takes access back in the browser's own settings. */
  revoke(change: Grants): void;
  /** Resolves once the permission events fired so far have reached their listeners. */
  settle(): Promise<void>;
}

export function installFakePermissions({ hostPermissions = NEWS_SITE_MATCHES }: { hostPermissions?: string[] } = {}): FakePermissions {
  const added = new Set<Listener>();
  const removed = new Set<Listener>();
  let pendingEvents: Promise<void> = Promise.resolve();
  const fire = (listeners: Set<Listener>, change: Grants) => {
    // Browsers deliver the events after the call that caused them has answered.
    pendingEvents = pendingEvents.then(() => new Promise((r) => setTimeout(r, 0))).then(() => {
      for (const l of [...listeners]) l(change);
    });
  };
  const diff = (have: Set<string>, want: string[] = [], adding: boolean) => want.filter((x) => have.has(x) !== adding);

  const fake: FakePermissions = {
    origins: new Set(hostPermissions),
    permissions: new Set(['storage', 'alarms']),
    registered: new Map(),
    calls: [],
    requests: [],
    answer: () => true,
    revoke(change) {
      const origins = diff(fake.origins, change.origins, false);
      const permissions = diff(fake.permissions, change.permissions, false);
      origins.forEach((o) => fake.origins.delete(o));
      permissions.forEach((p) => fake.permissions.delete(p));
      fire(removed, { origins, permissions });
    },
    settle: async () => {
      await pendingEvents;
      await new Promise((r) => setTimeout(r, 0));
    },
  };

  const event = (listeners: Set<Listener>) => ({
    addListener: (l: Listener) => void listeners.add(l),
    removeListener: (l: Listener) => void listeners.delete(l),
    hasListener: (l: Listener) => listeners.has(l),
  });
  const log = (method: string, arg: unknown) => fake.calls.push({ method, arg: structuredClone(arg) });

  const permissionsApi = {
    getAll: async (): Promise<Grants> => ({ origins: [...fake.origins], permissions: [...fake.permissions] }),
    contains: async (q: Grants) => (q.origins ?? []).every((o) => fake.origins.has(o)) && (q.permissions ?? []).every((p) => fake.permissions.has(p)),
    request: async (q: Grants) => {
      fake.requests.push(structuredClone(q));
      if (!(await fake.answer(q))) return false;
      const origins = diff(fake.origins, q.origins, true);
      const permissions = diff(fake.permissions, q.permissions, true);
      origins.forEach((o) => fake.origins.add(o));
      permissions.forEach((p) => fake.permissions.add(p));
      if (origins.length + permissions.length > 0) fire(added, { origins, permissions });
      return true;
    },
    remove: async (q: Grants) => {
      if ((q.origins ?? []).some((o) => hostPermissions.includes(o))) throw new Error('You cannot remove required permissions.');
      fake.revoke(q);
      return true;
    },
    onAdded: event(added),
    onRemoved: event(removed),
  };

  const scriptingApi = {
    getRegisteredContentScripts: async (filter?: { ids?: string[] }) => {
      log('getRegisteredContentScripts', filter);
      return [...fake.registered.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map((s) => structuredClone(s));
    },
    registerContentScripts: async (scripts: Script[]) => {
      log('registerContentScripts', scripts);
      for (const s of scripts) if (fake.registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      for (const s of scripts) fake.registered.set(s.id, structuredClone(s));
    },
    updateContentScripts: async (scripts: Script[]) => {
      log('updateContentScripts', scripts);
      for (const s of scripts) {
        const current = fake.registered.get(s.id);
        if (!current) throw new Error(`Script with ID '${s.id}' does not exist or is not fully registered`);
        fake.registered.set(s.id, { ...current, ...structuredClone(s) });
      }
    },
    unregisterContentScripts: async (filter?: { ids?: string[] }) => {
      log('unregisterContentScripts', filter);
      const ids = filter?.ids ?? [...fake.registered.keys()];
      for (const id of ids) if (!fake.registered.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
      ids.forEach((id) => fake.registered.delete(id));
    },
    executeScript: async (injection: unknown) => {
      log('executeScript', injection);
      return [];
    },
  };

  const unavailable = Object.fromEntries(
    Object.keys(scriptingApi).map((name) => [
      name,
      () => {
        throw new Error(`'scripting.${name}' is not available in this context.`);
      },
    ]),
  );
  let everGranted = false;
  const target = fakeBrowser as unknown as Record<string, unknown>;
  target.permissions = permissionsApi;
  Object.defineProperty(target, 'scripting', {
    configurable: true,
    enumerable: true,
    get: () => {
      if (fake.permissions.has('scripting')) everGranted = true;
      return fake.permissions.has('scripting') ? scriptingApi : everGranted ? unavailable : undefined;
    },
  });
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Not Alone', version: '0.0.0', host_permissions: hostPermissions });
  return fake;
}
