/** A sleep that `wake()` or `cancel()` ends early; the runner's loops wait on it. */
export class Waiter {
  private timer: NodeJS.Timeout | null = null;
  private resolve: (() => void) | null = null;

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.timer = setTimeout(() => this.wake(), ms);
    });
  }

  wake(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const resolve = this.resolve;
    this.resolve = null;
    resolve?.();
  }
}

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
