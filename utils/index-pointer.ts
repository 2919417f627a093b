/**
 * The key that says which stored index is in use (utils/index-store.ts writes it), apart from
 * the store so a page's content script can read the pointer without the index validator.
 */

/** What the pointer key holds: which stored text is in use and how to recognise it intact. */
export interface StoredIndexPointer {
  key: `local:${string}`;
  version: number;
  generatedAt: string;
  /** Hex SHA-256 of the stored text. */
  sha256: string;
  length: number;
  /** Date.now() when it was accepted. */
  acceptedAt: number;
}

export const POINTER_KEY = 'local:index.pointer' as const;
