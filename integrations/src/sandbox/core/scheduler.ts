import type { SandboxLogger } from './context';

/**
 * Background work of the simulators (new buyer messages arriving, job statuses completing, webhook
 * deliveries). Stops with the server: no new runs after `stop()`, and runs in flight get a short
 * grace period so they don't write into a closed store.
 */
export class SandboxScheduler {
  private readonly intervals = new Set<NodeJS.Timeout>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly log: SandboxLogger) {}

  every(ms: number, fn: () => void | Promise<void>, label = 'sandbox task'): void {
    if (this.stopped) return;
    const timer = setInterval(() => this.run(fn, label), ms);
    timer.unref();
    this.intervals.add(timer);
  }

  later(ms: number, fn: () => void | Promise<void>, label = 'sandbox task'): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.run(fn, label);
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private run(fn: () => void | Promise<void>, label: string): void {
    if (this.stopped) return;
    const promise = (async () => {
      try {
        await fn();
      } catch (error) {
        if (!this.stopped) this.log.warn({ err: error }, `${label} failed`);
      }
    })();
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
  }

  /** Waits until no one-shot task is scheduled or running (tests use it to let async effects settle). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.running.size > 0 || this.timers.size > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async stop(graceMs = 2_000): Promise<void> {
    this.stopped = true;
    for (const timer of this.intervals) clearInterval(timer);
    for (const timer of this.timers) clearTimeout(timer);
    this.intervals.clear();
    this.timers.clear();
    if (this.running.size === 0) return;
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
    ]);
  }
}
