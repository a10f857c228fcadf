/**
 * Reading CSV fields straight from bytes, for `sextant evaluate`'s hot path (see
 * csv-bytes.ts): a plain decimal parsed without a string, and entity names interned so that
 * each distinct name is decoded once, not once per row.
 */

/** 10^0 … 10^15, exact doubles. */
export const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** FNV-1a over bytes: start from FNV_OFFSET, then hash = Math.imul(hash ^ byte, FNV_PRIME). */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
  return hash;
}

/**
 * A plain decimal (`-12.5`, `.25`, `+3`, `7.`) of at most 15 digits read from bytes, or NaN
 * for anything else (exponents, `Infinity`, hex, blanks, empty): the caller then decodes the
 * field and gives it to `Number`. The result is exactly `Number(text)`: mantissa and power of
 * ten are both exact doubles below 2^53, and one IEEE division rounds correctly.
 */
export function parsePlainDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (bytes[i] === 45) {
    negative = true;
    i += 1;
  } else if (bytes[i] === 43) {
    i += 1;
  }
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let dot = false;
  for (; i < end; i++) {
    const c = bytes[i]!;
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits += 1;
      if (dot) decimals += 1;
    } else if (c === 46 && !dot) {
      dot = true;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = mantissa / POW10[decimals]!;
  return negative ? -value : value;
}

/** True when bytes[start … end) equal the first `length` bytes of `other`. */
export function bytesEqual(
  bytes: Uint8Array,
  start: number,
  end: number,
  other: Uint8Array,
  length: number,
): boolean {
  if (end - start !== length) return false;
  for (let k = 0; k < length; k++) if (bytes[start + k] !== other[k]) return false;
  return true;
}

/**
 * Distinct byte strings → small ids 0, 1, 2 … in first-seen order, with their decoded names:
 * an open-addressing table on the FNV-1a hash of the bytes, keeping a copy of each name's
 * bytes to compare against.
 */
export class ByteInterner {
  readonly names: string[] = [];
  private slots: Int32Array = new Int32Array(1 << 12);
  private hashes: Int32Array = new Int32Array(1 << 10);
  private offsets: Int32Array = new Int32Array(1 << 10);
  private lengths: Int32Array = new Int32Array(1 << 10);
  private pool: Buffer = Buffer.allocUnsafe(1 << 16);
  private poolUsed = 0;

  /** The id of bytes[start … end), added when new. */
  intern(bytes: Buffer, start: number, end: number): number {
    return this.idOf(hashBytes(bytes, start, end), bytes, start, end);
  }

  /** `intern` when the caller has already computed `hashBytes` of the name. */
  idOf(hash: number, bytes: Buffer, start: number, end: number): number {
    const found = this.find(hash, bytes, start, end);
    return found >= 0 ? found : this.insert(hash, bytes, start, end);
  }

  /** The id of a name already seen, or −1 (small, so that the caller's loop inlines it). */
  find(hash: number, bytes: Buffer, start: number, end: number): number {
    const length = end - start;
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return -1;
      const id = entry - 1;
      if (this.hashes[id] === hash && this.lengths[id] === length && this.same(id, bytes, start)) {
        return id;
      }
    }
  }

  private insert(hash: number, bytes: Buffer, start: number, end: number): number {
    const id = this.add(hash, bytes, start, end);
    if (this.names.length * 2 > this.slots.length) this.rehash();
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = id + 1;
    return id;
  }

  private same(id: number, bytes: Buffer, start: number): boolean {
    const offset = this.offsets[id]!;
    const length = this.lengths[id]!;
    for (let k = 0; k < length; k++) if (this.pool[offset + k] !== bytes[start + k]) return false;
    return true;
  }

  private add(hash: number, bytes: Buffer, start: number, end: number): number {
    const id = this.names.length;
    const length = end - start;
    if (id === this.hashes.length) {
      this.hashes = grownInts(this.hashes);
      this.offsets = grownInts(this.offsets);
      this.lengths = grownInts(this.lengths);
    }
    if (this.poolUsed + length > this.pool.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.pool.length * 2, this.poolUsed + length));
      this.pool.copy(bigger, 0, 0, this.poolUsed);
      this.pool = bigger;
    }
    bytes.copy(this.pool, this.poolUsed, start, end);
    this.hashes[id] = hash;
    this.offsets[id] = this.poolUsed;
    this.lengths[id] = length;
    this.poolUsed += length;
    this.names.push(bytes.toString('utf8', start, end));
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.names.length - 1; id++) {
      let slot = this.hashes[id]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
  }
}

/** An array twice as long holding `array`'s values, the new cells set to `fill`. */
export function grownInts(array: Int32Array, fill = 0): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  if (fill !== 0) bigger.fill(fill, array.length);
  bigger.set(array);
  return bigger;
}
