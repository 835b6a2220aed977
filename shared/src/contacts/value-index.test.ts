import { ValueIndex } from './value-index';

describe('ValueIndex', () => {
  it('gives one id per (kind, value) and counts each contact once', () => {
    const index = new ValueIndex(4);
    const a = index.add(2, '+5541998765432', 0);
    expect(index.add(2, '+5541998765432', 0)).toBe(-1); // same contact again
    expect(index.add(2, '+5541998765432', 1)).toBe(a);
    expect(index.add(3, '+5541998765432', 1)).not.toBe(a); // same text, other kind
    expect(index.counts[a]).toBe(2);
  });

  it('keeps every value apart while growing far beyond its first capacity', () => {
    const index = new ValueIndex(8);
    const ids = new Set<number>();
    for (let i = 0; i < 50_000; i++) ids.add(index.add(0, `7${String(i).padStart(6, '0')}`, i));
    expect(ids.size).toBe(50_000);
    expect(index.length).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) {
      expect(index.add(0, `7${String(i).padStart(6, '0')}`, 100_000 + i)).toBe(i);
      expect(index.keys[i]).toBe(ValueIndex.keyOf(0, `7${String(i).padStart(6, '0')}`));
    }
  });
});
