/**
 * FNV-1a over UTF-16 code units: the one cheap string hash of the extension (unchanged blocks,
 * the page-support word filters, the tokeniser's word table).
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of text[start, end), continuing from state `h`; a signed 32-bit value. */
export function fnv1a(text: string, start = 0, end = text.length, h = FNV_OFFSET): number {
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
  return h;
}
