/**
 * Our UI inside the shadow root: the keyboard list of marks (one tab stop, arrow keys move
 * between names) and the card, placed next to the name or, on touch, as a bottom sheet.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Card } from '@/components/Card';
import { STRINGS } from '@/lib/i18n-strings';
import { placeCard } from '@/utils/card-placement';
import type { OpenCard, UiState, UiStore } from './ui-store';

export interface UiActions {
  focusMark(key: number): void;
  blurMarks(): void;
  openFromKeyboard(key: number): void;
  closeCard(returnFocus: boolean): void;
  rangeOf(key: number): Range | null;
  cardPointer(inside: boolean): void;
}

function useStore(store: UiStore): UiState {
  const [state, setState] = useState(store.state);
  useEffect(() => store.subscribe(() => setState(store.state)), [store]);
  return state;
}

export function App({ store, actions }: { store: UiStore; actions: UiActions }) {
  const state = useStore(store);
  return (
    <div class="na-root" data-theme={state.theme ?? undefined}>
      <MarkList state={state} actions={actions} />
      {state.card && <CardLayer key={state.card.token} card={state.card} state={state} actions={actions} />}
    </div>
  );
}

function MarkList({ state, actions }: { state: UiState; actions: UiActions }) {
  const s = STRINGS[state.locale];
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const count = state.marks.length;
  const people = new Set(state.marks.flatMap((m) => m.ids)).size;
  const index = Math.min(active, Math.max(0, count - 1));
  if (count === 0) return null;

  const focusAt = (i: number) => {
    const next = (i + count) % count;
    setActive(next);
    (list.current?.children[next]?.firstElementChild as HTMLElement | undefined)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowRight: i + 1, ArrowUp: i - 1, ArrowLeft: i - 1, Home: 0, End: count - 1 };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      focusAt(target);
    }
  };
  return (
    <nav class="na-marks" aria-label={s.marksOnPage(people, count)}>
      <ul ref={list}>
        {state.marks.map((m, i) => (
          <li key={m.key}>
            <button
              type="button"
              class="na-proxy"
              data-mark-key={m.key}
              data-ids={m.ids.join(' ')}
              tabIndex={i === index ? 0 : -1}
              aria-haspopup="dialog"
              aria-expanded={state.card?.markKey === m.key}
              aria-label={s.markProxy(m.text, i + 1, count)}
              onFocus={() => {
                setActive(i);
                actions.focusMark(m.key);
              }}
              onBlur={() => actions.blurMarks()}
              onKeyDown={(e) => onKeyDown(e, i)}
              onClick={() => actions.openFromKeyboard(m.key)}
            >
              <span class="na-proxy-name">{m.text}</span>
              <span class="na-proxy-count">
                {i + 1}/{count}
              </span>
              <span class="na-proxy-hint" aria-hidden="true">
                {s.markProxyHint}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function CardLayer({ card, state, actions }: { card: OpenCard; state: UiState; actions: UiActions }) {
  const box = useRef<HTMLDivElement>(null);
  const sheet = card.openedBy === 'touch';
  const headingId = `na-card-title-${card.token}`;

  useLayoutEffect(() => {
    const el = box.current;
    const range = actions.rangeOf(card.markKey);
    if (!el || !range || sheet) return;
    return placeCard(range, el, { pointer: card.pointer });
  }, [card.token, sheet]);

  useEffect(() => {
    // A card opened from the keyboard takes focus; a hover card must not steal it.
    if (card.openedBy === 'keyboard' || card.openedBy === 'touch') box.current?.focus();
  }, [card.token]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      actions.closeCard(true);
    }
  };

  const dialog = (
    <div
      ref={box}
      class={sheet ? 'na-layer na-layer--sheet' : 'na-layer na-layer--float'}
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      tabIndex={-1}
      data-opened-by={card.openedBy}
      onKeyDown={onKeyDown}
      onPointerEnter={() => actions.cardPointer(true)}
      onPointerLeave={() => actions.cardPointer(false)}
    >
      <Card
        content={card.content}
        locale={state.locale}
        lowConfidence={card.lowConfidence}
        headingId={headingId}
        onClose={() => actions.closeCard(true)}
      />
    </div>
  );
  if (!sheet) return dialog;
  return (
    <>
      <div class="na-scrim" aria-hidden="true" onClick={() => actions.closeCard(false)} />
      {dialog}
    </>
  );
}
