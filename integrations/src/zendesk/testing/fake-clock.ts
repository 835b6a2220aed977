import type { Clock } from '../rate-budget';

/** A clock that moves only when someone sleeps: delays are recorded, never waited. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(private current: number) {}

  now = (): number => this.current;

  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.current += ms;
  };

  advance(ms: number): void {
    this.current += ms;
  }
}
