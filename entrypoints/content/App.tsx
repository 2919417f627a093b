/**
 * Our UI inside the shadow root: the keyboard entry to the marks (one tab stop, arrow keys move
 * between names) and the card, placed next to the name or, on touch, as a bottom sheet.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Card } from '@/components/Card';
import { STRINGS } from '@/lib/i18n-strings';
import { placeCard } from '@/utils/card-placement';
import { ClipAreas, clipRect } from '@/utils/clip-areas';
import type { MarkEntry, OpenCard, UiState, UiStore } from './ui-store';

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
      {state.markStyle === 'icon' && state.marks.length > 0 && <MarkBadges marks={state.marks} actions={actions} />}
      {state.focusedKey !== null && <FocusRing markKey={state.focusedKey} actions={actions} />}
      {state.card && <CardLayer key={state.card.token} card={state.card} state={state} actions={actions} />}
    </div>
  );
}

/** The id of the proxy's key description (one per shadow root). */
const PROXY_KEYS_ID = 'na-proxy-keys';

/**
 * The keyboard way to the marks: one button (one tab stop) that stands for the current mark;
 * arrow keys move it through the marks in document order. Only that one button exists in the
 * DOM, so a page with a thousand mentions costs nothing here; each move replaces the button,
 * so screen readers announce the new name.
 *
 * The button sits in a `toolbar`: focus landing inside a toolbar is what makes NVDA leave
 * browse mode for focus mode (its browseMode.shouldPassThrough walks up to a TOOLBAR
 * ancestor), so the arrow keys reach us instead of moving its reading cursor. The keys are
 * the button's description, in words.
 */
function MarkList({ state, actions }: { state: UiState; actions: UiActions }) {
  const s = STRINGS[state.locale];
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  const count = state.marks.length;
  const index = Math.min(active, Math.max(0, count - 1));
  const mark = state.marks[index];

  useLayoutEffect(() => {
    if (moved.current) button.current?.focus();
    moved.current = false;
  }, [mark?.key]);

  // "Show on the page" from the popup: this button now stands for the requested mark.
  const request = state.proxyRequest;
  useLayoutEffect(() => {
    if (!request) return;
    const target = state.marks.findIndex((m) => m.key === request.key);
    if (target < 0) return;
    if (target === index) button.current?.focus();
    else {
      moved.current = true;
      setActive(target);
    }
  }, [request?.seq]);

  if (!mark) return null;
  const people = new Set(state.marks.flatMap((m) => m.ids)).size;
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowRight: index + 1, ArrowUp: index - 1, ArrowLeft: index - 1, Home: 0, End: count - 1 };
    const target = moves[e.key];
    if (target === undefined) return;
    // Ours, not the page's shortcut keys.
    e.preventDefault();
    e.stopPropagation();
    moved.current = true;
    setActive((target + count) % count);
  };
  return (
    <nav class="na-marks" aria-label={s.marksOnPage(people, count)}>
      <div role="toolbar" aria-label={s.marksToolbar} aria-orientation="vertical">
        <button
          key={mark.key}
          ref={button}
          type="button"
          class="na-proxy"
          data-mark-key={mark.key}
          data-ids={mark.ids.join(' ')}
          aria-haspopup="dialog"
          aria-expanded={state.card?.markKey === mark.key}
          aria-label={s.markProxy(mark.text, index + 1, count)}
          aria-describedby={PROXY_KEYS_ID}
          onFocus={() => actions.focusMark(mark.key)}
          onBlur={() => actions.blurMarks()}
          onKeyDown={onKeyDown}
          onClick={() => actions.openFromKeyboard(mark.key)}
        >
          <span class="na-proxy-brand" aria-hidden="true">
            Not Alone
          </span>
          <span class="na-proxy-name">{mark.text}</span>
          <span class="na-proxy-count">
            {index + 1}/{count}
          </span>
          <span class="na-proxy-hint" aria-hidden="true">
            {s.markProxyHint}
          </span>
        </button>
      </div>
      {/* Hidden, yet still read as the description (aria-describedby reads hidden text). */}
      <span id={PROXY_KEYS_ID} hidden>
        {s.markProxyKeys}
      </span>
    </nav>
  );
}

/**
 * Keeps what we draw over the page's text in place. `measure` runs now, when the page's size
 * changes and, at most once a frame, after a box inside the page scrolls; a scroll of the
 * window itself runs `follow` instead when one is given (a layer that moves by a transform
 * needs no measuring then). Scroll is listened to in the capture phase, since a box's scroll
 * event does not bubble to the window. A null `measure` listens to nothing.
 */
function useKeptOverText(measure: (() => void) | null, follow: (() => void) | null, deps: unknown[]) {
  useLayoutEffect(() => {
    if (!measure) return;
    let frame = 0;
    let remeasure = false;
    const run = () => {
      frame = 0;
      if (remeasure || !follow) measure();
      else follow();
      remeasure = false;
    };
    const later = () => {
      if (!frame) frame = requestAnimationFrame(run);
    };
    const onScroll = (e: Event) => {
      if (e.target !== document && e.target !== window) remeasure = true;
      later();
    };
    const onResize = () => {
      remeasure = true;
      later();
    };
    measure();
    const resized = new ResizeObserver(onResize);
    resized.observe(document.documentElement);
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onResize);
    return () => {
      resized.disconnect();
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onResize);
      cancelAnimationFrame(frame);
    };
  }, deps);
}

/**
 * The "icon" mark style: a small badge after each name (a highlight can only colour text).
 * Badges sit in a layer that follows the window's scroll with one transform per frame; their
 * places are measured again when the marks change, the page's size changes or a box inside
 * the page scrolls. They take no pointer events, so the page under them works as before.
 */
function MarkBadges({ marks, actions }: { marks: MarkEntry[]; actions: UiActions }) {
  const layer = useRef<HTMLDivElement>(null);
  const [spots, setSpots] = useState<{ key: number; x: number; y: number }[]>([]);

  const follow = () => {
    if (layer.current) layer.current.style.transform = `translate(${-window.scrollX}px, ${-window.scrollY}px)`;
  };
  const measure = () => {
    const next: { key: number; x: number; y: number }[] = [];
    const areas = new ClipAreas();
    for (const m of marks) {
      const range = actions.rangeOf(m.key);
      const rects = range?.getClientRects();
      const last = rects?.[rects.length - 1];
      if (!range || !last || last.width === 0) continue;
      // A name its box has scrolled away (or cut off) gets no badge floating outside the box.
      if (!clipRect(last, areas.of(range.commonAncestorContainer))) continue;
      next.push({ key: m.key, x: Math.round(last.right + window.scrollX), y: Math.round(last.top + window.scrollY) });
    }
    setSpots(next);
    follow();
  };
  useKeptOverText(measure, follow, [marks]);

  return (
    <div ref={layer} class="na-mark-badges" aria-hidden="true">
      {spots.map((spot) => (
        <span key={spot.key} class="na-mark-badge" data-mark-key={spot.key} style={{ left: `${spot.x}px`, top: `${spot.y}px` }} />
      ))}
    </div>
  );
}

const FORCED_COLORS = '(forced-colors: active)';

/** Whether the reader's system forces its own colours (high-contrast modes), followed live. */
function useForcedColors(): boolean {
  const [query] = useState(() => (typeof matchMedia === 'function' ? matchMedia(FORCED_COLORS) : null));
  const [forced, setForced] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = () => setForced(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return forced;
}

/**
 * In forced colours the browser paints every highlight in the one system selection colour, so
 * the focused mark's own highlight looks like all the others (docs/accessibility.md). There a
 * ring in our layer outlines the mark the keyboard is on; elsewhere the highlight suffices.
 */
function FocusRing({ markKey, actions }: { markKey: number; actions: UiActions }) {
  const forced = useForcedColors();
  const [boxes, setBoxes] = useState<{ left: number; top: number; width: number; height: number }[]>([]);

  const measure = () => {
    const range = actions.rangeOf(markKey);
    if (!range) return setBoxes([]);
    const area = new ClipAreas().of(range.commonAncestorContainer);
    // Each line cut to what the page lets be seen of it, so no ring floats outside a scrolled box.
    const seen = Array.from(range.getClientRects())
      .filter((r) => r.width > 0)
      .map((r) => clipRect(r, area))
      .filter((r) => r !== null);
    setBoxes(seen.map(({ left, top, right, bottom }) => ({ left, top, width: right - left, height: bottom - top })));
  };
  useKeptOverText(forced ? measure : null, null, [markKey, forced]);

  if (!forced) return null;
  return (
    <div class="na-focus-rings" aria-hidden="true">
      {boxes.map((b, i) => (
        <span key={i} class="na-focus-ring" style={{ left: `${b.left}px`, top: `${b.top}px`, width: `${b.width}px`, height: `${b.height}px` }} />
      ))}
    </div>
  );
}

/** How long a card opened from the keyboard waits for its details before taking focus anyway. */
export const FOCUS_WAIT_MS = 800;

function CardLayer({ card, state, actions }: { card: OpenCard; state: UiState; actions: UiActions }) {
  const box = useRef<HTMLDivElement>(null);
  const sheet = card.openedBy === 'touch';
  const headingId = `na-card-title-${card.token}`;
  // The heading is the person's name once there are records; until then (or when there are
  // none) the dialog is named by the words on the page.
  const namedByHeading = card.content.state === 'ready' && card.content.records.length > 0;
  const markText = state.marks.find((m) => m.key === card.markKey)?.text;

  useLayoutEffect(() => {
    const el = box.current;
    const range = actions.rangeOf(card.markKey);
    if (!el || !range) return;
    if (!sheet) return placeCard(range, el, { pointer: card.pointer });
    // The sheet covers the lower part of the screen and grows when the details arrive: keep
    // the tapped name visible above it.
    const keepNameVisible = () => {
      const name = range.getBoundingClientRect();
      const sheetTop = el.getBoundingClientRect().top;
      if (name.bottom > sheetTop - 12) window.scrollBy({ top: name.bottom - sheetTop + 24 });
    };
    keepNameVisible();
    const observer = new ResizeObserver(keepNameVisible);
    observer.observe(el);
    return () => observer.disconnect();
  }, [card.token, sheet]);

  // A card opened from the keyboard (or a tap) takes focus; a hover or click card must not
  // steal it. Focus waits for the details, so what is announced first is the person's name,
  // not "Loading…"; if they are slow, it moves anyway, the dialog then named by the mark.
  const takesFocus = card.openedBy === 'keyboard' || card.openedBy === 'touch';
  const focusBefore = useRef<Element | null | undefined>(undefined);
  const focusMoved = useRef(false);
  const loading = card.content.state === 'loading';
  useLayoutEffect(() => {
    const el = box.current;
    if (!takesFocus || focusMoved.current || !el) return;
    const root = el.getRootNode() as Document | ShadowRoot;
    if (focusBefore.current === undefined) focusBefore.current = root.activeElement;
    const moveFocus = () => {
      focusMoved.current = true;
      // Only if the reader has not gone elsewhere meanwhile.
      if (root.activeElement === focusBefore.current) el.focus();
    };
    if (!loading) return moveFocus();
    const timer = setTimeout(moveFocus, FOCUS_WAIT_MS);
    return () => clearTimeout(timer);
  }, [card.token, loading]);

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
      aria-labelledby={namedByHeading ? headingId : undefined}
      aria-label={namedByHeading ? undefined : (markText ?? STRINGS[state.locale].cardLabel)}
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
