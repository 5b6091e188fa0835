import type { FeedEntry } from './feeds/progress-feed.js';

interface Slot {
  entry: FeedEntry;
  /** Entries that cannot be merged away before this one, from the log's beginning. */
  fixedBefore: number;
  appendedAt: number;
}

/**
 * A meeting's payloads for one feed in stream order, shared by every subscriber of it: a subscriber
 * is only a position in this log, so a thousand subscribers cost one copy. Positions are absolute
 * (they survive truncation); the oldest entries are dropped beyond `capacity`, and a subscriber
 * needing those replays them from the stream instead.
 */
export class FeedLog {
  private slots: Slot[] = [];
  private base = 0;
  private fixedTotal = 0;
  /** The highest sequence dropped from memory (0: nothing dropped). */
  droppedThroughSeq = 0;

  constructor(
    private readonly capacity: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {}

  get start(): number {
    return this.base;
  }

  get end(): number {
    return this.base + this.slots.length;
  }

  at(position: number): FeedEntry | undefined {
    return this.slots[position - this.base]?.entry;
  }

  append(entry: FeedEntry): void {
    this.slots.push({ entry, fixedBefore: this.fixedTotal, appendedAt: this.now() });
    if (!entry.mergeable) this.fixedTotal += 1;
    if (this.slots.length > this.capacity) {
      // Drop a tenth at once so appends stay amortised O(1).
      const drop = Math.max(1, Math.floor(this.capacity / 10));
      this.droppedThroughSeq = this.slots[drop - 1]!.entry.seq;
      this.slots = this.slots.slice(drop);
      this.base += drop;
    }
  }

  /** How long ago the entry at `position` arrived, in milliseconds. */
  ageOf(position: number): number {
    const slot = this.slots[position - this.base];
    return slot ? this.now() - slot.appendedAt : 0;
  }

  /** The position of the first entry after `seq` (the log's end when there is none yet). */
  positionAfter(seq: number): number {
    let low = 0;
    let high = this.slots.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.slots[middle]!.entry.seq <= seq) low = middle + 1;
      else high = middle;
    }
    return this.base + low;
  }

  /** How many entries from `position` to the end cannot be merged away. */
  fixedFrom(position: number): number {
    const slot = this.slots[Math.max(0, position - this.base)];
    return slot ? this.fixedTotal - slot.fixedBefore : 0;
  }
}
