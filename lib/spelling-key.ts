/**
 * A key under which the usual Latin spellings of one Russian name meet, and the Cyrillic name
 * too: Dmitry, Dmitri, Dmitrii and дмитрий all give "dmitri"; Yevgeny, Evgeny and евгений
 * "evgeni"; Fyodor and федор "fedor"; Yesypenko and Esipenko "esipenko". Used to look up
 * common names, and as the matcher's fallback for Latin spellings the index did not list.
 *
 * The rules, in order: Cyrillic а–я to Latin (х is "kh", ъ and ь go); x → ks; kh → h; every run
 * of y, i, j → i; such an i before e or o merges into e ("ie", "io" → "e", so Yevgeny and Evgeny
 * meet); apostrophes go. The key is made in one pass over the word for the last three rules: it
 * is asked for every Latin capitalised word a page shows for the first time.
 */
const TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
/** TO_LATIN by code unit − 0x430 (а–я are U+0430–U+044F). */
const LATIN_OF = Array.from({ length: 0x20 }, (_, k) => TO_LATIN[String.fromCharCode(0x430 + k)]!);

const Y = 0x79;
const I = 0x69;
const J = 0x6a;
const E = 0x65;
const O = 0x6f;
const isYij = (unit: number) => unit === Y || unit === I || unit === J;

/** `norm` with а–я written in Latin; other characters as they are. */
function toLatin(norm: string): string {
  let k = 0;
  while (k < norm.length && norm.charCodeAt(k) < 0x80) k++;
  if (k === norm.length) return norm;
  let s = norm.slice(0, k);
  for (; k < norm.length; k++) {
    const unit = norm.charCodeAt(k);
    s += unit >= 0x430 && unit <= 0x44f ? LATIN_OF[unit - 0x430]! : norm[k]!;
  }
  return s;
}

export function spellingKey(norm: string): string {
  let s = toLatin(norm);
  if (s.includes('x')) s = s.replace(/x/g, 'ks');
  if (s.includes('kh')) s = s.replace(/kh/g, 'h');
  let out = '';
  /** Start of the stretch of `s` not yet copied to `out`. */
  let copied = 0;
  for (let k = 0; k < s.length; ) {
    if (!isYij(s.charCodeAt(k))) {
      k++;
      continue;
    }
    let end = k + 1;
    while (end < s.length && isYij(s.charCodeAt(end))) end++;
    const next = s.charCodeAt(end);
    const merges = next === E || next === O;
    // A lone i that stays i changes nothing: leave it in the stretch to copy.
    if (!merges && end === k + 1 && s.charCodeAt(k) === I) {
      k = end;
      continue;
    }
    out += s.slice(copied, k) + (merges ? 'e' : 'i');
    k = copied = merges ? end + 1 : end;
  }
  if (copied > 0) s = out + s.slice(copied);
  return s.includes("'") ? s.replace(/'/g, '') : s;
}
