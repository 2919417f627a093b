import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkIndex, checkRecord } from '@/lib/index-schema';

const bundled = JSON.parse(readFileSync('data/index.json', 'utf8'));
const bakhtin = () => structuredClone(bundled.records.find((r: { id: string }) => r.id === 'bakhtin-aleksandr'));

describe('index schema', () => {
  it('accepts every bundled record', () => {
    expect(checkIndex(bundled)).toMatchObject({ ok: true });
  });

  it('rejects a record with a reason naming the field', () => {
    const r = bakhtin();
    r.status = 'disappeared';
    const result = checkRecord(r);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^status: /);
  });

  it.each([
    ['a right-to-left override in the name', (r: any) => (r.name.en = 'Aleksandr \u202EnithkaB')],
    ['a left-to-right embedding in an alias', (r: any) => (r.aliases = ['\u202AAlexander Bakhtin'])],
    ['bidi isolates in the postal address', (r: any) => (r.address.ru = '\u2067143600\u2069, Волоколамск')],
    ['a pop-directional character in the facility', (r: any) => (r.facility = 'СИЗО-2\u202C')],
  ])('rejects %s: the card would show the text in another order', (_what, edit) => {
    const r = bakhtin();
    edit(r);
    const result = checkRecord(r);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('bidirectional control characters are not allowed');
  });

  it('still accepts right-to-left letters themselves (only the controls are refused)', () => {
    const r = bakhtin();
    r.notes = 'Quoted in Hebrew: שלום, and in Arabic: سلام';
    expect(checkRecord(r)).toMatchObject({ ok: true });
  });

  it('rejects duplicate ids in an index', () => {
    const twice = { ...bundled, records: [bundled.records[0], bundled.records[0]] };
    expect(checkIndex(twice)).toEqual({ ok: false, reason: `duplicate record id "${bundled.records[0].id}"` });
  });
});
