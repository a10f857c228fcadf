/**
 * Waits until `check` holds (polling every 20 ms), for what another process or a job
 * runner does in its own time; fails with `what` after `timeoutMs`. Not a timed assertion:
 * the timeout only bounds a wait for something that must happen.
 */
export async function eventually(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`still waiting after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
