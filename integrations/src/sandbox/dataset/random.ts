import { createHash } from 'node:crypto';

/**
 * Deterministic randomness for the sandbox: the same seed gives the same dataset and the same
 * ticker messages on every machine. Each purpose gets its own stream (`random(seed, 'customers')`)
 * so adding a field to one generator does not reshuffle everything else.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  digits(count: number): string;
}

export function random(seed: number, purpose: string): Random {
  // mulberry32 seeded from a hash of (seed, purpose).
  let state = createHash('sha256').update(`${seed}|${purpose}`).digest().readUInt32BE(0);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    digits: (count: number) => Array.from({ length: count }, () => String(int(0, 9))).join(''),
  };
}
