/** The content script's UI state: the marks the keyboard list shows and the open card. */
import type { CardContent } from '@/components/Card';
import type { Locale } from '@/lib/i18n-strings';
import type { MarkStyle } from '@/utils/settings';

export interface MarkEntry {
  key: number;
  text: string;
  ids: string[];
}

export type OpenedBy = 'hover' | 'click' | 'keyboard' | 'touch';

export interface OpenCard {
  /** Grows with every card opened; a records reply for an older card is dropped. */
  token: number;
  markKey: number;
  ids: string[];
  lowConfidence: boolean;
  openedBy: OpenedBy;
  pointer?: { x: number; y: number };
  content: CardContent;
}

export interface UiState {
  locale: Locale;
  theme: 'light' | 'dark' | null;
  marks: MarkEntry[];
  card: OpenCard | null;
  /** Mark whose keyboard proxy has focus. */
  focusedKey: number | null;
  /** The reader's mark style; 'icon' adds our badges after the names. Underline when unset. */
  markStyle?: MarkStyle;
  /** Move the keyboard entry to this mark and focus it ("Show on the page"); `seq` makes a repeat a new request. */
  proxyRequest?: { key: number; seq: number } | null;
}

export class UiStore {
  private listeners = new Set<() => void>();
  constructor(private current: UiState) {}

  get state(): UiState {
    return this.current;
  }

  update(patch: Partial<UiState>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
