/**
 * Where the page lets a piece of its text be seen. A name scrolled out of a box that scrolls on
 * its own, or cut off by `overflow: hidden`, still has client rects (outside the box), so what
 * our layer draws next to a name (icon badges, the forced-colours focus ring) is cut to the
 * same area, or it would float over the text around the box.
 *
 * Simplified on purpose: every ancestor whose overflow is not `visible` clips (one that is
 * `position: absolute` or `fixed` and escapes a box would be cut by it anyway), and `<html>`
 * and `<body>` never do, since their overflow is the window's, whose scroll the layer follows.
 */
import { composedParent } from './page-text';

/** A rectangle in viewport coordinates; infinite sides where nothing clips. */
export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const UNCLIPPED: Area = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };

function intersect(a: Area, b: Area): Area {
  return { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
}

function isEmptyArea(a: Area): boolean {
  return a.right <= a.left || a.bottom <= a.top;
}

/** The part of `rect` inside `area`, or null when none of it is. */
export function clipRect(rect: Area, area: Area): Area | null {
  const cut = intersect(rect, area);
  return isEmptyArea(cut) ? null : cut;
}

const CLIPPING_OVERFLOW = new Set(['hidden', 'clip', 'scroll', 'auto', 'overlay']);

function clips(el: Element): boolean {
  if (el === el.ownerDocument.documentElement || el === el.ownerDocument.body) return false;
  const style = getComputedStyle(el);
  return CLIPPING_OVERFLOW.has(style.overflowX) || CLIPPING_OVERFLOW.has(style.overflowY);
}

/** The inside of `el`'s borders (its scrollbars left out), where its content shows. */
function paddingBox(el: Element): Area {
  const r = el.getBoundingClientRect();
  const left = r.left + el.clientLeft;
  const top = r.top + el.clientTop;
  return { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
}

/**
 * The areas of one measurement: each element's style and box are read once however many marks
 * sit inside it. Make a new one for every measurement, since scrolling and layout move them.
 */
export class ClipAreas {
  private readonly byElement = new Map<Element, Area>();

  /** Where content inside `node` can show, in viewport coordinates. */
  of(node: Node): Area {
    const chain: Element[] = [];
    let el: Element | null = node.nodeType === 1 ? (node as Element) : composedParent(node);
    let area = UNCLIPPED;
    for (; el; el = composedParent(el)) {
      const known = this.byElement.get(el);
      if (known) {
        area = known;
        break;
      }
      chain.push(el);
    }
    // From the outermost element not yet known down to `node`'s own.
    for (let i = chain.length - 1; i >= 0; i--) {
      const e = chain[i]!;
      if (clips(e)) area = intersect(area, paddingBox(e));
      this.byElement.set(e, area);
    }
    return area;
  }
}
