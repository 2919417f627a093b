import { describe, expect, it } from 'vitest';
import { acceptIndex, findDisallowedUrl, MAX_INDEX_BYTES, type AcceptOptions } from '@/lib/accept-index';
import { indexContentHash } from '@/lib/signature';
import { encode, otherKeySign, sign, TEST_PUBLIC_KEY } from './accept-index.fixtures';
import { BUNDLED, makeIndex, newPerson } from './background.fixtures';

const current = BUNDLED.version;
const opts: AcceptOptions = { publicKey: TEST_PUBLIC_KEY, currentVersion: current };
const signed = (text: string) => ({ bytes: encode(text), signature: sign(encode(text)) });
const newer = () => makeIndex(current + 1, ['bakhtin-aleksandr'], [newPerson()]);

async function accept(text: string, options = opts) {
  const { bytes, signature } = signed(text);
  return acceptIndex(bytes, signature, options);
}

describe('acceptIndex', () => {
  it('accepts a newer, signed, valid index and returns the exact signed text', async () => {
    const text = JSON.stringify(newer());
    const result = await accept(text);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.text).toBe(text);
      expect(result.index.records.map((r) => r.id)).toEqual(['bakhtin-aleksandr', 'testova-anna-1990']);
    }
  });

  it('accepts a file with a correct content hash', async () => {
    const index = newer();
    const text = JSON.stringify({ ...index, contentHash: await indexContentHash(index.records) });
    expect((await accept(text)).ok).toBe(true);
  });

  it('rejects a changed byte (signature over other bytes)', async () => {
    const text = JSON.stringify(newer());
    const { signature } = signed(text);
    const altered = encode(text.replace('Anna Testova', 'Anna Testovb'));
    expect(await acceptIndex(altered, signature, opts)).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('rejects a signature made with another key', async () => {
    const bytes = encode(JSON.stringify(newer()));
    const other = otherKeySign(bytes);
    expect(await acceptIndex(bytes, other.signature, opts)).toMatchObject({ ok: false, code: 'bad-signature' });
    // …which does verify with its own key, so the test can fail for the right reason.
    expect((await acceptIndex(bytes, other.signature, { ...opts, publicKey: other.publicKey })).ok).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not base64 at all!'],
    ['huge', 'A'.repeat(5000)],
    ['wrong length', Buffer.alloc(10).toString('base64')],
  ])('rejects a malformed signature (%s) without throwing', async (_name, signature) => {
    expect(await acceptIndex(encode(JSON.stringify(newer())), signature, opts)).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('rejects a truncated body even though the signature of the whole verified', async () => {
    const text = JSON.stringify(newer());
    const { signature } = signed(text);
    expect(await acceptIndex(encode(text.slice(0, text.length / 2)), signature, opts)).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('checks the size before anything else', async () => {
    const big = new Uint8Array(MAX_INDEX_BYTES + 1);
    expect(await acceptIndex(big, 'x', opts)).toMatchObject({ ok: false, code: 'too-large' });
    expect(await accept(JSON.stringify(newer()), { ...opts, maxBytes: 100 })).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('rejects signed bytes that are not UTF-8', async () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    expect(await acceptIndex(bytes, sign(bytes), opts)).toMatchObject({ ok: false, code: 'not-utf8' });
  });

  it('rejects signed invalid JSON', async () => {
    expect(await accept('{"schema":1,')).toMatchObject({ ok: false, code: 'not-json' });
  });

  it('rejects a signed index that breaks the schema, naming the field', async () => {
    const index = newer();
    (index.records[1] as { status: string }).status = 'vanished';
    const result = await accept(JSON.stringify(index));
    expect(result).toMatchObject({ ok: false, code: 'schema' });
    if (!result.ok) expect(result.detail).toContain('records.1.status');
  });

  it('rejects a wrong content hash', async () => {
    const index = newer();
    const text = JSON.stringify({ ...index, contentHash: `sha256-${'0'.repeat(64)}` });
    expect(await accept(text)).toMatchObject({ ok: false, code: 'bad-content-hash' });
  });

  it('refuses to roll back to an older version, and reports the same version as such', async () => {
    expect(await accept(JSON.stringify(makeIndex(current - 1, ['bakhtin-aleksandr'])))).toMatchObject({ ok: false, code: 'older-version' });
    expect(await accept(JSON.stringify(makeIndex(current, ['bakhtin-aleksandr'])))).toMatchObject({ ok: false, code: 'same-version' });
  });

  it('rejects a non-https URL (the schema catches it first)', async () => {
    const index = newer();
    index.records[1]!.sources[0]!.url = 'http://memopzk.org/x';
    expect(await accept(JSON.stringify(index))).toMatchObject({ ok: false, code: 'schema' });
  });

  it('rejects a source on a host outside the allow-list', async () => {
    const index = newer();
    index.records[1]!.sources[0]!.url = 'https://memopzk.org.evil.example/figurant/';
    const result = await accept(JSON.stringify(index));
    expect(result).toMatchObject({ ok: false, code: 'url-not-allowed' });
    if (!result.ok) expect(result.detail).toContain('testova-anna-1990');
  });

  it('rejects a letter link that points anywhere but a letter service', async () => {
    const index = newer();
    index.records[1]!.letters = [{ service: 'rosuznik', url: 'https://meduza.io/write-here' }];
    expect(await accept(JSON.stringify(index))).toMatchObject({ ok: false, code: 'url-not-allowed' });
  });

  it('rejects a lookalike (punycode) letter host', async () => {
    const index = newer();
    index.records[1]!.letters = [{ service: 'rosuznik', url: 'https://rosuzn\u0456k.org/' }];
    expect(await accept(JSON.stringify(index))).toMatchObject({ ok: false, code: expect.stringMatching(/schema|url-not-allowed/) });
  });
});

describe('findDisallowedUrl', () => {
  it('passes the bundled index (the build and the refresh apply the same list)', () => {
    expect(findDisallowedUrl(BUNDLED)).toBeNull();
  });
});
