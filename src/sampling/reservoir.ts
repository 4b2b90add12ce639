/**
 * Weighted reservoir sampling, algorithm A-Res (Efraimidis & Spirakis 2006): each item gets the key
 * u^(1/w), the `capacity` largest keys are a weighted sample without replacement. Keys are kept as
 * ln(u)/w (same order, no underflow). A min-heap holds the reservoir: O(capacity) memory.
 */

export interface ReservoirEntry<T> {
  key: number;
  item: T;
}

export class Reservoir<T> {
  private readonly heap: Array<ReservoirEntry<T>> = [];

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.heap.length;
  }

  /** True if an item with this key would be kept: lets callers skip building items that would not. */
  wouldKeep(key: number): boolean {
    return this.capacity > 0 && (this.heap.length < this.capacity || key > this.heap[0]!.key);
  }

  offer(key: number, item: T): void {
    if (!this.wouldKeep(key)) return;
    if (this.heap.length < this.capacity) {
      this.heap.push({ key, item });
      this.siftUp(this.heap.length - 1);
    } else {
      this.heap[0] = { key, item };
      this.siftDown(0);
    }
  }

  /** The `count` entries with the largest keys (a weighted sample of that size), best first. */
  takeTop(count: number): T[] {
    return [...this.heap].sort((a, b) => b.key - a.key).slice(0, count).map((entry) => entry.item);
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (heap[parent]!.key <= heap[index]!.key) return;
      [heap[parent], heap[index]] = [heap[index]!, heap[parent]!];
      index = parent;
    }
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && heap[left]!.key < heap[smallest]!.key) smallest = left;
      if (right < heap.length && heap[right]!.key < heap[smallest]!.key) smallest = right;
      if (smallest === index) return;
      [heap[smallest], heap[index]] = [heap[index]!, heap[smallest]!];
      index = smallest;
    }
  }
}

/** The A-Res key of an item of weight `weight` drawn with uniform `u` in (0, 1). */
export function computeKey(u: number, weight: number): number {
  return Math.log(u) / weight;
}
