/**
 * A key under which the usual Latin spellings of one Russian name meet, and the Cyrillic name
 * too: Dmitry, Dmitri, Dmitrii and дмитрий all give "dmitri"; Yevgeny, Evgeny and евгений
 * "evgeni"; Fyodor and федор "fedor"; Yesypenko and Esipenko "esipenko". Used to look up
 * common names, and as the matcher's fallback for Latin spellings the index did not list.
 */
const TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

export function spellingKey(norm: string): string {
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

