/**
 * Puts the card next to a marked name: below it, or above when there is no room, shifted
 * sideways to stay in the viewport, never over the name (its height shrinks to the space on
 * the chosen side and it scrolls inside). For a name wrapped over two lines, `inline()` picks
 * the line the pointer is on.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

const GAP = 6;
const EDGE = 8;

/** A floating-ui reference that follows a live Range (it moves when the page scrolls or reflows). */
export function rangeReference(range: Range): VirtualElement {
  const context = range.startContainer.parentElement ?? undefined;
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: context,
  };
}

export interface PlacementOptions {
  /** Pointer position when hovering, so a wrapped name anchors on the hovered line. */
  pointer?: { x: number; y: number };
}

/** Positions `floating` (position: fixed) and keeps it placed until the returned cleanup runs. */
export function placeCard(range: Range, floating: HTMLElement, opts: PlacementOptions = {}): () => void {
  const reference = rangeReference(range);
  const update = async () => {
    const { x, y, placement } = await computePosition(reference, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(opts.pointer),
        offset(GAP),
        flip({ padding: EDGE, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
        shift({ padding: EDGE }),
        size({
          padding: EDGE,
          apply({ availableHeight, availableWidth, elements }) {
            elements.floating.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
            elements.floating.style.maxWidth = `${Math.max(200, Math.floor(availableWidth))}px`;
          },
        }),
      ],
    });
    floating.style.left = `${Math.round(x)}px`;
    floating.style.top = `${Math.round(y)}px`;
    floating.dataset.placement = placement;
    floating.dataset.placed = '';
  };
  return autoUpdate(reference, floating, () => void update(), { animationFrame: false });
}
