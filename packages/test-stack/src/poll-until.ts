/** How long {@link pollUntil} reads before it gives up: generous, for a busy machine. */
export const POLL_TIMEOUT_MS = 60_000;

/**
 * Reads until `done` holds or {@link POLL_TIMEOUT_MS} pass, and returns the last value read
 * either way (the caller's assertion then shows what it was). For state that changes in
 * another process (a job, a push), where there is no event to wait on.
 */
export async function pollUntil<Value>(
  read: () => Promise<Value>,
  done: (value: Value) => boolean,
  timeoutMs: number = POLL_TIMEOUT_MS,
): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}
