/**
 * Which (entity, day) cells of a predictions file have had a row: how `sextant evaluate`
 * finds "an entity twice in a period" when the rows come in any order.
 *
 * A bitmap: one bit per entity and calendar day between the earliest and the latest day seen
 * (entity after entity, 32 days a word, bit 0 on a day number that is a multiple of 32, so
 * that the bitmaps of two parts of a file line up word by word). 1,000 entities over ten
 * years take 0.46 MB, whatever the number of rows or their order. When a sparse file would
 * make the bitmap larger than BITMAP_BUDGET and than a set of the cells themselves (many
 * entities, few rows each, over a long span), the cells move to that set instead: an open
 * addressing table of 16 to 32 bytes a cell. Exact either way: a one-pass check of rows in any order
 * cannot hold less than a bit per cell that may have a row.
 */

/** Bytes the bitmap may take before a set of the cells is considered instead. */
export const BITMAP_BUDGET = 64 * 1024 * 1024;

/** Bytes a cell takes in the set at most: two 4-byte cells a slot, slots at most half full. */
const PAIR_BYTES = 32;

/** Days a bitmap word covers. */
const WORD_DAYS = 32;

/** A SeenCells as plain data, for handing it from a worker thread (its buffers transferable). */
export interface SeenCellsData {
  cells: number;
  bits: Int32Array | null;
  stride: number;
  base: number;
  capacity: number;
  /** With the set of cells: entity id + 1 (0 = free slot) and day number per slot. */
  pairIds: Int32Array | null;
  pairDays: Int32Array | null;
}

export class SeenCells {
  /** @param budget bytes the bitmap may take (see BITMAP_BUDGET; smaller in tests). */
  constructor(private readonly budget = BITMAP_BUDGET) {}

  /** Cells marked. */
  cells = 0;
  /** The bitmap: entity `id`'s words are bits[id × stride … (id + 1) × stride). */
  private bits: Int32Array | null = new Int32Array(0);
  private stride = 0;
  /** The day number of bit 0 of each entity's first word (a multiple of 32). */
  private base = 0;
  /** Entities the bitmap has room for. */
  private capacity = 0;
  /** The set of cells, once the bitmap is given up. */
  private pairIds: Int32Array | null = null;
  private pairDays: Int32Array | null = null;

  /** Marks (id, day); true when it was marked already. `day` is a day number. */
  mark(id: number, day: number): boolean {
    const bits = this.bits;
    if (bits !== null) {
      const column = day - this.base;
      if (id < this.capacity && column >= 0 && column < this.stride * WORD_DAYS) {
        const at = id * this.stride + (column >>> 5);
        const bit = 1 << (column & 31);
        const word = bits[at]!;
        if ((word & bit) !== 0) return true;
        bits[at] = word | bit;
        this.cells += 1;
        return false;
      }
    }
    return this.markOutside(id, day);
  }

  /** Whether the cells are kept as a set rather than a bitmap. */
  get sparse(): boolean {
    return this.bits === null;
  }

  /** Whether (id, day) is marked. */
  has(id: number, day: number): boolean {
    const bits = this.bits;
    if (bits !== null) {
      const column = day - this.base;
      if (id >= this.capacity || column < 0 || column >= this.stride * WORD_DAYS) return false;
      return (bits[id * this.stride + (column >>> 5)]! & (1 << (column & 31))) !== 0;
    }
    return this.pairIds![this.findPair(id, day)] !== 0;
  }

  /** Calls `fn` with every marked cell. */
  forEach(fn: (id: number, day: number) => void): void {
    const bits = this.bits;
    if (bits !== null) {
      for (let id = 0; id < this.capacity; id++) {
        for (let w = 0; w < this.stride; w++) {
          let word = bits[id * this.stride + w]!;
          while (word !== 0) {
            const low = word & -word;
            fn(id, this.base + w * WORD_DAYS + (31 - Math.clz32(low)));
            word ^= low;
          }
        }
      }
      return;
    }
    const ids = this.pairIds!;
    const days = this.pairDays!;
    for (let slot = 0; slot < ids.length; slot++)
      if (ids[slot] !== 0) fn(ids[slot]! - 1, days[slot]!);
  }

  /**
   * Whether a cell of `other` is marked here too, `other`'s entity ids turned into this one's
   * by `idMap` (−1: an entity this one has not seen, so no shared cell).
   */
  overlaps(other: SeenCells, idMap: Int32Array): boolean {
    const mine = this.bits;
    const theirs = other.bits;
    if (mine === null || theirs === null) {
      let found = false;
      other.forEach((id, day) => {
        const to = idMap[id]!;
        if (!found && to >= 0 && this.has(to, day)) found = true;
      });
      return found;
    }
    // Both bitmaps: word against word (both bases are multiples of 32 days).
    const shift = (other.base - this.base) / WORD_DAYS;
    const from = Math.max(0, -shift);
    const to = Math.min(other.stride, this.stride - shift);
    for (let id = 0; id < other.capacity; id++) {
      const mapped = idMap[id] ?? -1;
      if (mapped < 0 || mapped >= this.capacity) continue;
      const theirRow = id * other.stride;
      const myRow = mapped * this.stride + shift;
      for (let w = from; w < to; w++)
        if ((theirs[theirRow + w]! & mine[myRow + w]!) !== 0) return true;
    }
    return false;
  }

  /** Marks every cell of `other` (its ids turned into this one's by `idMap`, all ≥ 0). */
  absorb(other: SeenCells, idMap: Int32Array): void {
    other.forEach((id, day) => {
      this.mark(idMap[id]!, day);
    });
  }

  toData(): SeenCellsData {
    return {
      cells: this.cells,
      bits: this.bits,
      stride: this.stride,
      base: this.base,
      capacity: this.capacity,
      pairIds: this.pairIds,
      pairDays: this.pairDays,
    };
  }

  static fromData(data: SeenCellsData): SeenCells {
    const seen = new SeenCells();
    seen.cells = data.cells;
    seen.bits = data.bits;
    seen.stride = data.stride;
    seen.base = data.base;
    seen.capacity = data.capacity;
    seen.pairIds = data.pairIds;
    seen.pairDays = data.pairDays;
    return seen;
  }

  /** The transferable buffers of `toData()`. */
  static buffers(data: SeenCellsData): ArrayBuffer[] {
    return [data.bits, data.pairIds, data.pairDays]
      .filter((array): array is Int32Array => array !== null)
      .map((array) => array.buffer as ArrayBuffer);
  }

  /** `mark` of a cell outside the bitmap (it grows, or gives way to the set) or in the set. */
  private markOutside(id: number, day: number): boolean {
    if (this.bits !== null) {
      this.growFor(id, day);
      if (this.bits !== null) return this.mark(id, day);
    }
    const slot = this.findPair(id, day);
    if (this.pairIds![slot] !== 0) return true;
    this.pairIds![slot] = id + 1;
    this.pairDays![slot] = day;
    this.cells += 1;
    if (this.cells * 2 > this.pairIds!.length) this.rehash(this.pairIds!.length * 2);
    return false;
  }

  /** Makes room in the bitmap for (id, day), doubling what is too small; or gives it up. */
  private growFor(id: number, day: number): void {
    const word = Math.floor(day / WORD_DAYS);
    let capacity = Math.max(this.capacity, 1024);
    while (capacity <= id) capacity *= 2;
    let low: number;
    let stride: number;
    if (this.stride === 0) {
      // The first cell: a year or so on either side.
      low = word - 6;
      stride = 16;
    } else {
      const oldLow = this.base / WORD_DAYS;
      low = Math.min(oldLow, word);
      const high = Math.max(oldLow + this.stride, word + 1);
      stride = this.stride;
      while (stride < high - low) stride *= 2;
      // Room on the side that grew: the next days there come without another copy.
      if (word < oldLow) low = high - stride;
    }
    const bytes = capacity * stride * 4;
    if (bytes > this.budget && bytes > this.cells * PAIR_BYTES) {
      this.toPairs();
      return;
    }
    const bits = new Int32Array(capacity * stride);
    const old = this.bits!;
    const shift = this.base / WORD_DAYS - low;
    for (let e = 0; e < this.capacity; e++) {
      bits.set(old.subarray(e * this.stride, (e + 1) * this.stride), e * stride + shift);
    }
    this.bits = bits;
    this.capacity = capacity;
    this.stride = stride;
    this.base = low * WORD_DAYS;
  }

  private toPairs(): void {
    const marked: number[] = [];
    this.forEach((id, day) => marked.push(id, day));
    this.bits = null;
    let size = 1 << 16;
    while (size < this.cells * 2) size *= 2;
    this.pairIds = new Int32Array(size);
    this.pairDays = new Int32Array(size);
    for (let k = 0; k < marked.length; k += 2) {
      const slot = this.findPair(marked[k]!, marked[k + 1]!);
      this.pairIds[slot] = marked[k]! + 1;
      this.pairDays[slot] = marked[k + 1]!;
    }
  }

  /** The slot holding (id, day), or the free slot where it goes. */
  private findPair(id: number, day: number): number {
    const ids = this.pairIds!;
    const days = this.pairDays!;
    const mask = ids.length - 1;
    let slot = Math.imul(Math.imul(id, 0x9e3779b1) ^ day, 0x85ebca6b) & mask;
    for (;;) {
      const at = ids[slot]!;
      if (at === 0 || (at === id + 1 && days[slot] === day)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private rehash(size: number): void {
    const ids = this.pairIds!;
    const days = this.pairDays!;
    this.pairIds = new Int32Array(size);
    this.pairDays = new Int32Array(size);
    for (let slot = 0; slot < ids.length; slot++) {
      if (ids[slot] === 0) continue;
      const to = this.findPair(ids[slot]! - 1, days[slot]!);
      this.pairIds[to] = ids[slot]!;
      this.pairDays[to] = days[slot]!;
    }
  }
}
