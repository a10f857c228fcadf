/**
 * The N highest-ranked rows of each day while a predictions file is read, in flat typed
 * arrays (score, entity id, label; a small min-heap per day) rather than objects: a row
 * offered to a day of a file in any order then reads two or three cache lines, not a dozen
 * scattered objects. The rank is the evaluator's within a day: score descending, then entity
 * name ascending (an entity has one row a day). At the end each day's rows go to the
 * evaluator (`TopNEvaluator.offerToSlot`), whose periods may be weeks: the top N of a week is
 * among the tops N of its days.
 */
export class DayTops {
  private scores = new Float64Array(0);
  private ids = new Int32Array(0);
  private labels = new Uint8Array(0);
  private counts = new Int32Array(0);

  constructor(
    private readonly n: number,
    /** Entity names by id, for ties. */
    private readonly names: readonly string[],
  ) {}

  /** Room for days 0 … days − 1. */
  reserve(days: number): void {
    if (days <= this.counts.length) return;
    let size = Math.max(64, this.counts.length);
    while (size < days) size *= 2;
    const n = this.n;
    const scores = new Float64Array(size * n);
    scores.set(this.scores);
    const ids = new Int32Array(size * n);
    ids.set(this.ids);
    const labels = new Uint8Array(size * n);
    labels.set(this.labels);
    const counts = new Int32Array(size);
    counts.set(this.counts);
    this.scores = scores;
    this.ids = ids;
    this.labels = labels;
    this.counts = counts;
  }

  /**
   * Offers a row to its day's top N; answers the day's bar: the lowest score kept once the
   * day holds N rows (−Infinity before), below which a row would not be kept.
   */
  offer(day: number, score: number, id: number, label: number): number {
    const n = this.n;
    const base = day * n;
    const scores = this.scores;
    const ids = this.ids;
    const labels = this.labels;
    const count = this.counts[day]!;
    if (count < n) {
      // Sift up from the new leaf.
      let i = count;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.below(score, id, scores[base + parent]!, ids[base + parent]!)) break;
        scores[base + i] = scores[base + parent]!;
        ids[base + i] = ids[base + parent]!;
        labels[base + i] = labels[base + parent]!;
        i = parent;
      }
      scores[base + i] = score;
      ids[base + i] = id;
      labels[base + i] = label;
      this.counts[day] = count + 1;
      return count + 1 < n ? -Infinity : scores[base]!;
    }
    // Full: the row replaces the root (the lowest kept) only if the root ranks below it.
    if (!this.below(scores[base]!, ids[base]!, score, id)) return scores[base]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      let lowest = left;
      const right = left + 1;
      if (
        right < n &&
        this.below(
          scores[base + right]!,
          ids[base + right]!,
          scores[base + left]!,
          ids[base + left]!,
        )
      ) {
        lowest = right;
      }
      if (!this.below(scores[base + lowest]!, ids[base + lowest]!, score, id)) break;
      scores[base + i] = scores[base + lowest]!;
      ids[base + i] = ids[base + lowest]!;
      labels[base + i] = labels[base + lowest]!;
      i = lowest;
    }
    scores[base + i] = score;
    ids[base + i] = id;
    labels[base + i] = label;
    return scores[base]!;
  }

  /** Calls `fn` with each row the day keeps. */
  forEach(day: number, fn: (score: number, id: number, label: number) => void): void {
    const base = day * this.n;
    const count = this.counts[day] ?? 0;
    for (let k = 0; k < count; k++) {
      fn(this.scores[base + k]!, this.ids[base + k]!, this.labels[base + k]!);
    }
  }

  /** Whether the row (score, id) ranks below (otherScore, otherId). */
  private below(score: number, id: number, otherScore: number, otherId: number): boolean {
    return score < otherScore || (score === otherScore && this.names[id]! > this.names[otherId]!);
  }
}
