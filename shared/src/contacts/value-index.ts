/**
 * Distinct key values of a million contacts without a million-entry Map of strings.
 *
 * Each (kind, value) is reduced to a 53-bit hash held in an open-addressing table of typed arrays;
 * the strings themselves are not kept (they die young, which keeps garbage collection cheap).
 * Two different values with the same 53-bit hash (odds about n²/2⁵⁴, ~1 in 18,000 runs at a
 * million values) would share an id: callers confirm the actual strings before linking.
 */

/** Murmur3's 32-bit finalizer: spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

let hashHigh = 0;
let hashLow = 0;

/** Two independent 32-bit hashes of kind + value, left in hashHigh / hashLow (no allocation). */
function hashValue(kind: number, value: string): void {
  let a = 0x811c9dc5 ^ kind;
  let b = 0x9747b28c + kind;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  hashHigh = fmix32(a ^ value.length);
  hashLow = fmix32(b);
}

/** A 53-bit number from the two hashes: exact in a double. */
function combinedKey(): number {
  return hashHigh * 0x200000 + (hashLow >>> 11);
}

export class ValueIndex {
  private slots: Int32Array;
  private slotKeys: Float64Array;
  private mask: number;
  private size = 0;
  /** Per value id. */
  kinds: Uint8Array;
  counts: Int32Array;
  keys: Float64Array;
  /** The last contact that counted the value, so a contact citing it twice counts once. */
  private lastContact: Int32Array;

  constructor(expectedValues: number) {
    let capacity = 1024;
    while (capacity < expectedValues * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.slotKeys = new Float64Array(capacity);
    this.mask = capacity - 1;
    const perValue = Math.max(1024, expectedValues);
    this.kinds = new Uint8Array(perValue);
    this.counts = new Int32Array(perValue);
    this.keys = new Float64Array(perValue);
    this.lastContact = new Int32Array(perValue);
  }

  get length(): number {
    return this.size;
  }

  /** The hash key a value would have: compare with `keys[id]` to find a value again. */
  static keyOf(kind: number, value: string): number {
    hashValue(kind, value);
    return combinedKey();
  }

  /** Counts the value for the contact; returns its id, or -1 when this contact already counted it. */
  add(kind: number, value: string, contact: number): number {
    hashValue(kind, value);
    const key = combinedKey();
    let slot = hashHigh & this.mask;
    for (;;) {
      const id = this.slots[slot] as number;
      if (id === -1) break;
      if (this.slotKeys[slot] === key && this.kinds[id] === kind) {
        if (this.lastContact[id] === contact) return -1;
        this.lastContact[id] = contact;
        this.counts[id] = (this.counts[id] as number) + 1;
        return id;
      }
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    this.ensureValueCapacity(this.size);
    this.slots[slot] = id;
    this.slotKeys[slot] = key;
    this.kinds[id] = kind;
    this.counts[id] = 1;
    this.keys[id] = key;
    this.lastContact[id] = contact;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private ensureValueCapacity(needed: number): void {
    if (needed <= this.kinds.length) return;
    const grow = <T extends Uint8Array | Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const bigger = make(a.length * 2);
      bigger.set(a);
      return bigger;
    };
    this.kinds = grow(this.kinds, (n) => new Uint8Array(n));
    this.counts = grow(this.counts, (n) => new Int32Array(n));
    this.keys = grow(this.keys, (n) => new Float64Array(n));
    this.lastContact = grow(this.lastContact, (n) => new Int32Array(n));
  }

  private rehash(): void {
    const capacity = this.slots.length * 2;
    const slots = new Int32Array(capacity).fill(-1);
    const slotKeys = new Float64Array(capacity);
    const mask = capacity - 1;
    for (let id = 0; id < this.size; id++) {
      const key = this.keys[id] as number;
      // Same slot rule as add(): the high hash, which is the key's top 32 bits.
      let slot = Math.floor(key / 0x200000) & mask;
      while (slots[slot] !== -1) slot = (slot + 1) & mask;
      slots[slot] = id;
      slotKeys[slot] = key;
    }
    this.slots = slots;
    this.slotKeys = slotKeys;
    this.mask = mask;
  }
}
