import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deadlineOf } from '../deadline/install-deadlines.ts';
import { ProblemError } from '../problems.ts';
import type { Database } from '../store/database.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  detachIdempotencyAction,
  type IdempotencyScope,
  releaseIdempotencyKey,
} from '../store/idempotency.ts';
import { requestHashOf } from '../store/request-hash.ts';

/** How a route treats the Idempotency-Key header (set in the route's `config`). */
export type IdempotencyMode = 'required' | 'optional';

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotency?: IdempotencyMode;
    /**
     * The route's checks of the request alone (its carrier, what that carrier offers),
     * run before the key is claimed: a request they refuse did nothing, so, like a body its
     * schema refuses, it leaves the key free for the request meant.
     */
    idempotencyPrecheck?: (request: FastifyRequest) => void;
  }
  interface FastifyRequest {
    /** Present while this request holds an Idempotency-Key claim. */
    idempotency: IdempotencyClaim | undefined;
  }
}

/**
 * A held claim: the handler ties what it created to it (in the same statement:
 * the action pipeline inserts it with the claim), so a takeover never acts twice.
 */
export interface IdempotencyClaim {
  readonly scope: IdempotencyScope;
  /** The intercept or redirect an earlier holder of the claim created before it died. */
  readonly earlierActionId: string | undefined;
  /** Forgets the action once it is proven the carrier never acted, so a retry may run again. */
  detachAction(): Promise<void>;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** How long a claim is held before another request may take it over (longer than any budget). */
const LEASE_MS = 60_000;
/** Headers worth replaying with a stored answer. */
const REPLAYED_HEADERS = ['content-type', 'location', 'retry-after'];

/**
 * Idempotency-Key per draft-ietf-httpapi-idempotency-key-header: the same key with the
 * same request replays the first answer (status, headers, body) without running the
 * handler; the same key with another request is a 422; a repeat while the first is still
 * running is a 409. Claims live in the database, so they hold across processes, for
 * `ttlHours` (`PARCELGATE_IDEMPOTENCY_TTL_HOURS`): an older key counts as new.
 */
export function installIdempotency(
  app: FastifyInstance,
  database: Database,
  ttlHours: number,
): void {
  app.decorateRequest('idempotency', undefined);

  app.addHook('preHandler', async (request, reply) => {
    const mode = request.routeOptions.config.idempotency;
    if (mode === undefined) {
      return;
    }
    const key = headerValue(request.headers['idempotency-key']);
    if (key === undefined) {
      if (mode === 'required') {
        throw new ProblemError(
          'idempotency-key-missing',
          'Send an Idempotency-Key header (a unique string per operation).',
          {
            errors: [{ pointer: '/headers/idempotency-key', detail: 'is required' }],
          },
        );
      }
      return;
    }
    if (!KEY_PATTERN.test(key)) {
      throw new ProblemError(
        'validation-failed',
        'The Idempotency-Key must be 1 to 255 visible ASCII characters.',
        {
          errors: [
            {
              pointer: '/headers/idempotency-key',
              detail: 'must be 1 to 255 visible ASCII characters',
            },
          ],
        },
      );
    }
    request.routeOptions.config.idempotencyPrecheck?.(request);
    const scope = { tenantId: request.tenant.id, key };
    const decision = await claimIdempotencyKey(database, {
      ...scope,
      requestHash: hashRequest(request),
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      leaseMs: LEASE_MS,
      ttlHours,
    });
    switch (decision.kind) {
      case 'process':
        request.idempotency = {
          scope,
          earlierActionId: decision.actionId,
          detachAction: () => detachIdempotencyAction(database, scope),
        };
        return;
      case 'mismatch':
        throw new ProblemError(
          'idempotency-key-reused',
          'This Idempotency-Key was first used with a different request; use a new key for a new operation.',
        );
      case 'in-progress':
        throw new ProblemError(
          'idempotency-request-in-progress',
          'The first request with this Idempotency-Key is still running; retry shortly.',
          {},
          { 'retry-after': '1' },
        );
      case 'replay':
        return replay(reply, decision.response);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (claim === undefined) {
      return payload;
    }
    request.idempotency = undefined;
    if (reply.statusCode >= 500) {
      await releaseIdempotencyKey(database, claim.scope);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string' || typeof value === 'number') {
        headers[name] = String(value);
      }
    }
    const completion = completeIdempotencyKey(database, claim.scope, {
      status: reply.statusCode,
      headers,
      body: typeof payload === 'string' && payload.length > 0 ? JSON.parse(payload) : null,
    });
    const answerBy = deadlineOf(request)?.answerBy;
    if (answerBy !== undefined && !(await settlesWithin(completion, answerBy - Date.now()))) {
      // The answer goes out by its deadline and the record follows; a repeat meanwhile gets
      // a 409 and retries.
      completion.catch((error: unknown) =>
        request.log.error({ err: error }, 'storing the answer of an Idempotency-Key failed'),
      );
      return payload;
    }
    await completion;
    return payload;
  });
}

function replay(
  reply: FastifyReply,
  response: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: unknown;
  },
): FastifyReply {
  return reply
    .code(response.status)
    .headers({ ...response.headers, 'idempotent-replayed': 'true' })
    .serializer((payload) => JSON.stringify(payload))
    .send(response.body);
}

/** Method, path and the body with keys sorted, so formatting differences don't count. */
function hashRequest(request: FastifyRequest): string {
  return requestHashOf(request.method, request.url.split('?')[0] ?? request.url, request.body);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single === undefined || single === '' ? undefined : single;
}

/** Whether `work` settles within `ms` (at once false when no time is left). */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  if (ms <= 0) {
    return false;
  }
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
