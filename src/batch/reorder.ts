/**
 * Puts outputs that complete in any order back in input order: items of input `next` are passed on
 * as soon as they arrive, items of later inputs wait until every input before them is done. An input
 * may arrive in several parts (data set rows), the last one marked done.
 */
export class ReorderBuffer<T> {
  private next = 0;
  private readonly waiting = new Map<number, { items: T[]; done: boolean }>();

  constructor(private readonly emit: (items: T[]) => void) {}

  /** The first input not yet fully passed on; inputs before it are done. */
  get head(): number {
    return this.next;
  }

  /** How many inputs are held back, waiting for an earlier one. */
  get held(): number {
    return this.waiting.size;
  }

  push(index: number, items: T[], done: boolean): void {
    if (index < this.next) throw new Error(`input ${index} was already done`);
    if (index === this.next) {
      if (items.length) this.emit(items);
      if (done) {
        this.waiting.delete(index);
        this.next++;
        this.drain();
      }
      return;
    }
    let entry = this.waiting.get(index);
    if (!entry) this.waiting.set(index, (entry = { items: [], done: false }));
    for (const item of items) entry.items.push(item);
    entry.done ||= done;
  }

  /** Passes on what waits behind the head, stopping at the first input not done. */
  private drain(): void {
    for (;;) {
      const entry = this.waiting.get(this.next);
      if (!entry) return;
      if (entry.items.length) this.emit(entry.items);
      entry.items = [];
      if (!entry.done) return;
      this.waiting.delete(this.next);
      this.next++;
    }
  }

  /** On interruption: passes on everything that arrived, still in input order, skipping the gaps. */
  flushAll(): void {
    for (const index of [...this.waiting.keys()].sort((a, b) => a - b)) {
      const entry = this.waiting.get(index)!;
      if (entry.items.length) this.emit(entry.items);
      this.waiting.delete(index);
    }
  }
}
