import { readFileSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import { checkWebhookTarget, type LookupFn, type ResolvedAddress } from './target-guard.ts';

/** One delivery attempt, as a webhook worker passes it. */
export interface DeliverWebhookInput {
  /** The endpoint's URL; checked again here, since its DNS may have changed since it was saved. */
  readonly url: string;
  /** The signature headers (see signWebhook) and any others; content-type and user-agent are set here. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body, exactly as signed. */
  readonly body: string;
  /** Allow http and non-public addresses (`WEBHOOK_ALLOW_PRIVATE_TARGETS=true`). */
  readonly allowPrivate: boolean;
  /** The whole attempt's limit, connecting and reading included (default 10 000 ms). */
  readonly timeoutMs?: number | undefined;
  /** How host names are resolved; `node:dns/promises` lookup by default. */
  readonly lookup?: LookupFn | undefined;
}

/** How one attempt went, ready to be kept in the deliveries log. */
export interface DeliveryAttemptResult {
  /**
   * `delivered`: the receiver answered 2xx. `failed`: any other status (3xx included: redirects
   * are never followed), a timeout, a network error or a host that does not resolve now:
   * worth retrying. `refused`: the target is not allowed (scheme, credentials, a non-public
   * address): nothing was sent.
   */
  readonly outcome: 'delivered' | 'failed' | 'refused';
  /** The receiver's status code, or `null` when none came. */
  readonly statusCode: number | null;
  /** From the start of the check to the end of the attempt, in milliseconds. */
  readonly durationMs: number;
  /** The first 1024 bytes of the answer's body, as UTF-8 text ('' when none). */
  readonly responseSnippet: string;
  /** Why it failed or was refused, in words; `null` when delivered. */
  readonly error: string | null;
}

/** The default limit of one attempt, connecting and reading included. */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;

/** How much of an answer is kept; the rest is never read. */
export const RESPONSE_SNIPPET_BYTES = 1024;

/** `user-agent` of every delivery, so receivers can tell (and allow-list) our calls. */
export const WEBHOOK_USER_AGENT = `Parcelgate-Webhooks/${gatewayVersion()}`;

/**
 * Sends one webhook attempt. The target is checked again first (checkWebhookTarget), then
 * the connection goes to an address that check approved, never to a fresh DNS answer: the
 * host name is kept for SNI, certificate checks and `Host`, but the socket's lookup answers
 * with the checked addresses only, so a DNS rebinding between check and connect cannot
 * reach a private address. Redirects are not followed (a 3xx is a failed attempt); 2xx is
 * delivered. At most the first 1024 bytes of the answer are read, then the connection is
 * dropped. Never throws: every outcome is a result.
 */
export async function deliverWebhook(input: DeliverWebhookInput): Promise<DeliveryAttemptResult> {
  const startedAt = performance.now();
  const timeoutMs = input.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;
  const elapsed = () => Math.round(performance.now() - startedAt);
  const timeout = new AbortController();
  const timer = setTimeout(
    () => timeout.abort(new Error(`no answer within ${timeoutMs} ms`)),
    timeoutMs,
  );
  // The check counts against the same limit: a resolver that hangs is a slow attempt too.
  const verdict = await Promise.race([
    checkWebhookTarget(input.url, { allowPrivate: input.allowPrivate, lookup: input.lookup }),
    aborted(timeout.signal),
  ]);
  if (verdict === undefined || !verdict.ok) {
    clearTimeout(timer);
    return {
      outcome: verdict?.code === 'unresolvable' || verdict === undefined ? 'failed' : 'refused',
      statusCode: null,
      durationMs: elapsed(),
      responseSnippet: '',
      error: verdict?.reason ?? `The webhook host did not resolve within ${timeoutMs} ms.`,
    };
  }

  const agent = createPinnedAgent(verdict.addresses, timeoutMs);
  try {
    const response = await request(verdict.url, {
      method: 'POST',
      headers: {
        ...input.headers,
        'content-type': 'application/json',
        'user-agent': WEBHOOK_USER_AGENT,
      },
      body: input.body,
      dispatcher: agent,
      signal: timeout.signal,
    });
    const snippet = await readSnippet(response.body);
    const delivered = response.statusCode >= 200 && response.statusCode < 300;
    return {
      outcome: delivered ? 'delivered' : 'failed',
      statusCode: response.statusCode,
      durationMs: elapsed(),
      responseSnippet: snippet,
      error: delivered ? null : statusError(response.statusCode, response.headers.location),
    };
  } catch (error) {
    return {
      outcome: 'failed',
      statusCode: null,
      durationMs: elapsed(),
      responseSnippet: '',
      error: timeout.signal.aborted
        ? `The receiver gave ${String((timeout.signal.reason as Error).message)}.`
        : `The request failed: ${describeError(error)}.`,
    };
  } finally {
    clearTimeout(timer);
    // destroy, not close: close would wait for the rest of a body we chose not to read.
    agent.destroy().catch(() => undefined);
  }
}

/**
 * An undici Agent whose sockets connect only to `addresses`, whatever DNS says now. The
 * URL's host name still reaches TLS (SNI, certificate) and the `Host` header; only the
 * address lookup is replaced. One Agent per attempt: the pinned answer must not outlive it.
 */
export function createPinnedAgent(addresses: readonly ResolvedAddress[], timeoutMs: number): Agent {
  return new Agent({
    connect: { lookup: pinnedLookup(addresses), timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connections: 1,
  });
}

/**
 * A `net` lookup that answers with the checked addresses only, in the shape the caller asks
 * for (`all: true` is what Node's happy-eyeballs connect asks; a family filter is honoured).
 */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const wanted = addresses.filter(
      (entry) =>
        !options.family ||
        options.family === entry.family ||
        options.family === `IPv${entry.family}`,
    );
    const first = wanted[0];
    if (first === undefined) {
      const error: NodeJS.ErrnoException = new Error(`No checked address of ${hostname} fits.`);
      error.code = 'ENOTFOUND';
      callback(error, '', 0);
      return;
    }
    if (options.all) {
      // Node's types give the all:true callback the single-address signature; the
      // runtime passes the array through (see lib/net.js lookupAndConnectMultiple).
      (callback as unknown as (error: null, answers: ResolvedAddress[]) => void)(null, [...wanted]);
      return;
    }
    callback(null, first.address, first.family);
  };
}

/** Reads at most {@link RESPONSE_SNIPPET_BYTES} bytes, then stops reading (the rest is dropped). */
async function readSnippet(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= RESPONSE_SNIPPET_BYTES) {
        break; // leaving the loop destroys the stream: nothing more is read
      }
    }
  } catch {
    // A body cut short still leaves what came; the status code already says how it went.
  } finally {
    body.destroy();
  }
  const bytes = Buffer.concat(chunks).subarray(0, RESPONSE_SNIPPET_BYTES);
  // stream: true holds back a character cut in half at the 1024th byte instead of
  // turning it into U+FFFD.
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes, { stream: true });
}

function statusError(statusCode: number, location: string | string[] | undefined): string {
  if (statusCode >= 300 && statusCode < 400) {
    const to = typeof location === 'string' ? ` to ${location}` : '';
    return `The receiver answered ${statusCode}, a redirect${to}; redirects are not followed.`;
  }
  return `The receiver answered ${statusCode}.`;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${typeof code === 'string' ? `${code} ` : ''}${error.message}${cause}`;
  }
  return String(error);
}

/** Settles with `undefined` when the signal aborts. */
function aborted(signal: AbortSignal): Promise<undefined> {
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(undefined), { once: true });
  });
}

function gatewayVersion(): string {
  // The same relative path from src/webhooks and dist/webhooks.
  const manifest = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version?: string };
  return manifest.version ?? '0.0.0';
}
