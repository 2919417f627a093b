/**
 * Who each block of the page names in full, with the blocks kept in document order. A changed
 * block is read with the people named before it; finding those by comparing the block with
 * every other one cost 6–13 ms on the 100,000-word page (each comparison of two paragraphs
 * walks the siblings between them), a binary search costs a dozen comparisons.
 */
import { countWhile, insertSorted } from '@/lib/sorted';
import { composedContains, composedOrder } from '@/utils/page-text';

export class NamedBlocks {
  private readonly byBlock = new Map<Element, Set<string>>();
  /** The keys of `byBlock` in document order, plus blocks deleted since (see `stale`). */
  private order: Element[] = [];
  private stale = false;

  /** Records that `block` names these people in full. */
  add(block: Element, ids: readonly string[]): void {
    const named = this.byBlock.get(block);
    if (named) {
      for (const id of ids) named.add(id);
      return;
    }
    this.byBlock.set(block, new Set(ids));
    const last = this.order[this.order.length - 1];
    // A block the page removed cannot be placed: compare only with blocks still in it.
    if (this.stale || (last && !last.isConnected)) this.compact();
    insertSorted(this.order, [block], composedOrder);
  }

  delete(block: Element): void {
    if (this.byBlock.delete(block)) this.stale = true;
  }

  clear(): void {
    this.byBlock.clear();
    this.order = [];
    this.stale = false;
  }

  /** The people named by `block` and the blocks inside it; `forget` drops their records. */
  within(block: Element, forget = false): Set<string> {
    const ids = new Set<string>();
    for (const [b, named] of this.byBlock) {
      if (!composedContains(block, b)) continue;
      for (const id of named) ids.add(id);
      if (forget) this.delete(b);
    }
    return ids;
  }

  /** The people named by blocks before `block` in document order (and still in the page). */
  before(block: Element): Set<string> {
    this.compact();
    const count = countWhile(this.order, (b) => composedOrder(b, block) < 0);
    const ids = new Set<string>();
    for (let i = 0; i < count; i++) for (const id of this.byBlock.get(this.order[i]!)!) ids.add(id);
    return ids;
  }

  /** Drops deleted blocks and those the page removed. */
  private compact(): void {
    this.order = this.order.filter((b) => {
      if (b.isConnected) return this.byBlock.has(b);
      this.byBlock.delete(b);
      return false;
    });
    this.stale = false;
  }
}
