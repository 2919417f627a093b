import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMON_FIRST_NAMES, COMMON_SURNAMES } from '@/lib/common-names';
import type { PrisonerIndex } from '@/lib/index-schema';
import { spellingKey } from '@/lib/spelling-key';

/** The rules of lib/spelling-key.ts written as a chain of replacements: what the one-pass key must equal. */
const TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
function byReplacements(norm: string): string {
  let s = '';
  for (const ch of norm) s += TO_LATIN[ch] ?? ch;
  return s
    .replace(/x/g, 'ks')
    .replace(/kh/g, 'h')
    .replace(/[yij]+/g, 'i')
    .replace(/^ie/, 'e')
    .replace(/i[eo]/g, 'e')
    .replace(/'/g, '');
}

/** Seeded words over the letters the rules treat specially, and a few others. */
function randomWords(count: number): string[] {
  let a = 7;
  const rand = () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a / 2 ** 32;
  };
  const letters = ['y', 'i', 'j', 'e', 'o', 'x', 'k', 'h', "'", 'a', 'n', 'й', 'и', 'е', 'ё', 'х', 'ъ', 'ь', 'ю', 'я', 'ы', 'щ', '-', 'é', '😀'];
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(rand() * 9) }, () => letters[Math.floor(rand() * letters.length)]).join(''));
}

describe('spellingKey', () => {
  it('meets the usual spellings of one name, and the Cyrillic name', () => {
    expect(new Set(['dmitry', 'dmitri', 'dmitrii', 'дмитрий'].map(spellingKey))).toEqual(new Set(['dmitri']));
    expect(new Set(['yevgeny', 'evgeny', 'евгений'].map(spellingKey))).toEqual(new Set(['evgeni']));
    expect(new Set(['fyodor', 'федор'].map(spellingKey))).toEqual(new Set(['fedor']));
    expect(new Set(['yesypenko', 'esipenko'].map(spellingKey))).toEqual(new Set(['esipenko']));
    expect(spellingKey('aleksandr')).toBe(spellingKey('alexandr'));
    expect(spellingKey('khabarov')).toBe('habarov');
    expect(spellingKey("o'brien")).toBe('obren');
  });

  it('gives what the rules give as a chain of replacements, for every name form of the index and random words', () => {
    const index = JSON.parse(readFileSync('data/index.json', 'utf8')) as PrisonerIndex;
    const forms = index.records.flatMap((r) => [...r.forms.first, ...r.forms.last, ...r.forms.middle]);
    const words = [...forms, ...COMMON_FIRST_NAMES, ...COMMON_SURNAMES, ...randomWords(20_000), '', 'i', 'ie', 'io', 'yi', 'iyo', "y'e", "i'o", 'ioi', 'xh', 'kkh'];
    expect(forms.length).toBeGreaterThan(10_000);
    const differing = words.filter((w) => spellingKey(w) !== byReplacements(w));
    expect(differing).toEqual([]);
  });
});
