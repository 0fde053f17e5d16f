/**
 * `work`'s result, or a rejection with the signal's reason as soon as the signal aborts,
 * whichever comes first. A fetch is handed the call's signal, but the SDK's deadline must
 * not depend on the fetch noticing it: in CI, under load, an aborted tracking read settled
 * only when the gateway answered, 1.5 s past a 400 ms `timeoutMs`. A response that arrives
 * after the abort has its body cancelled, so its connection is not held.
 */
export function untilAborted(work: Promise<Response>, signal: AbortSignal): Promise<Response> {
  if (signal.aborted) {
    discard(work);
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      discard(work);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (response) => {
        signal.removeEventListener('abort', onAbort);
        resolve(response);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Lets a response nobody waits for go: its body is cancelled, its failure ignored. */
function discard(work: Promise<Response>): void {
  work.then(
    (response) => response.body?.cancel().catch(() => {}),
    () => {},
  );
}
