import {
  type CancelRequest,
  type CancelResult,
  type CarrierCapabilities,
  type CarrierContext,
  type CarrierDefinition,
  type CarrierError,
  type CarrierHttpRequest,
  type CarrierHttpResponse,
  CarrierRateLimitedError,
  CarrierRetryableError,
  CONTRACT_VERSION,
  defineCarrier,
  deriveCurrentStatus,
  type FeeQuote,
  type FeeQuoteRequest,
  type InterceptRequest,
  type InterceptResult,
  isCarrierErrorOfKind,
  type RedirectRequest,
  type RedirectResult,
  type StatusMapping,
  sortEventsChronologically,
  type TrackingEvent,
  type TrackingRequest,
  type TrackingSnapshot,
} from '@parcelgate/carrier-kit';
import {
  classifyHttpFailure,
  localDateTimeToIso,
  parseJsonResponse,
  readErrorBody,
  redactSecrets,
} from '@parcelgate/carrier-kit/wire';

/**
 * A small, well-behaved adapter for a fictitious carrier, "Acme Express", used by the
 * testkit's own tests. Each quirk breaks exactly one rule, so every check can be shown to
 * catch the adapter that breaks it.
 */
export interface AcmeQuirks {
  /** Maps these documented codes to `unknown`. */
  readonly unknownCodes?: readonly string[];
  /** Forgets the carrier's code (`raw.code` empty). */
  readonly dropRawCode?: boolean;
  /** Keeps Acme's newest-first order. */
  readonly newestFirst?: boolean;
  /** Writes local times without an offset. */
  readonly timesWithoutOffset?: boolean;
  /** Takes the status from the oldest event. */
  readonly statusFromOldestEvent?: boolean;
  /** Sends requests on its own signal, ignoring ctx.signal. */
  readonly ignoreAbort?: boolean;
  /** Turns an abort into a retryable carrier error. */
  readonly abortAsCarrierError?: boolean;
  /** Notices ctx.signal only on a 200 ms poll, aborting its own signal then. */
  readonly slowAbort?: boolean;
  /** JSON.parse without classification (a raw SyntaxError escapes). */
  readonly rawJsonParse?: boolean;
  /** JSON.parse on error bodies (an HTML page throws a raw SyntaxError). */
  readonly rawErrorBodyParse?: boolean;
  /** Reads Retry-After only as seconds. */
  readonly retryAfterSecondsOnly?: boolean;
  /** Reads Retry-After dates against the real clock, not ctx.clock. */
  readonly retryAfterRealClock?: boolean;
  /** Classifies every HTTP failure as retryable. */
  readonly everythingRetryable?: boolean;
  /** Classifies 5xx as invalid-request. */
  readonly serverErrorsInvalid?: boolean;
  /** Classifies 404 as retryable. */
  readonly notFoundRetryable?: boolean;
  /** Puts the API key in error messages. */
  readonly leakSecretInError?: boolean;
  /** Puts the API key in a wrapped cause's message. */
  readonly leakSecretInCause?: boolean;
  /** Logs the request headers, API key included. */
  readonly logSecret?: boolean;
  /** Marks intercepts idempotent, so a reset after sending looks retryable. */
  readonly interceptIdempotent?: boolean;
  /** Claims intercept but throws a plain Error. */
  readonly interceptThrows?: boolean;
  /** Wraps every network failure as outcome-unknown. */
  readonly networkAsOutcomeUnknown?: boolean;
  /** Answers track from a canned snapshot without calling Acme. */
  readonly cannedTrack?: boolean;
  /** Has no redirect (capability nor operation). */
  readonly withoutRedirect?: boolean;
  /** Declares that Acme dedupes intercepts by reference. */
  readonly interceptSafeToRetry?: boolean;
  /** Intercepts read `carrierOptions.payer`, which is not declared. */
  readonly readsUndeclaredOption?: boolean;
  /** Intercepts never read the declared `carrierOptions.depot`. */
  readonly ignoresDeclaredOption?: boolean;
  /** Has no verifyCredentials. */
  readonly withoutVerify?: boolean;
  /** verifyCredentials resolves without asking Acme. */
  readonly verifyWithoutCalling?: boolean;
  /** verifyCredentials treats Acme's "unknown parcel" as a failure. */
  readonly verifyRefusesNotFound?: boolean;
  /** Also cancels intercepts and quotes intercept fees (off by default, as older adapters). */
  readonly withCancelAndQuote?: boolean;
  /** Cancels answer `rejected` although Acme cancelled. */
  readonly cancelAnswersRejected?: boolean;
  /** Cancels treat a lost answer as retryable while not declaring them safe to retry. */
  readonly cancelIdempotent?: boolean;
  /** Quotes answer the amount as a number. */
  readonly quoteAsNumber?: boolean;
}

/** Acme's status codes and their normalized reading. */
export const ACME_STATUS_MAP: Readonly<Record<string, StatusMapping>> = {
  CR: { status: 'label_created' },
  PU: { status: 'picked_up' },
  TR: { status: 'in_transit' },
  AR: { status: 'at_destination_facility' },
  OD: { status: 'out_for_delivery' },
  DL: { status: 'delivered' },
  EX: { status: 'exception', subStatus: 'held', incident: 'customs' },
};

/** Every documented Acme status code. */
export const ACME_STATUS_CODES: readonly string[] = Object.keys(ACME_STATUS_MAP);

/** Conformance credentials: a secret key and a non-secret (but still private) account id. */
export const ACME_CREDENTIALS = { apiKey: 'acme_live_s3cr3t_key', accountId: 'ACCT-778899' };

const CARRIER_ID = 'acme';
const mutationWindow = { highLikelihood: ['picked_up', 'in_transit'], lowLikelihood: [] } as const;

/** Builds the Acme adapter, well-behaved unless quirks say otherwise. */
export function createAcmeCarrier(quirks: AcmeQuirks = {}): CarrierDefinition {
  const capabilities: CarrierCapabilities = {
    proofOfDelivery: false,
    callbacks: false,
    intercept: {
      window: mutationWindow,
      fees: { kind: 'free' },
      outcome: 'synchronous',
      safeToRetry: quirks.interceptSafeToRetry === true,
      declaredValueLimits: [{ amount: '5000.00', currency: 'CNY' }],
      excludedCategories: ['fresh_food'],
    },
    ...(quirks.withoutRedirect === true
      ? {}
      : {
          redirect: {
            window: mutationWindow,
            fees: { kind: 'free' },
            outcome: 'synchronous',
            safeToRetry: false,
            freePerOrder: 1,
          },
        }),
    ...(quirks.withCancelAndQuote === true
      ? { cancelIntercept: { safeToRetry: false }, feeQuote: { actions: ['intercept'] } }
      : {}),
  };
  const base: CarrierDefinition = {
    id: CARRIER_ID,
    displayName: 'Acme Express',
    contractVersion: CONTRACT_VERSION,
    capabilities,
    credentials: [
      { key: 'apiKey', env: 'API_KEY', description: 'API key', secret: true, required: true },
      {
        key: 'accountId',
        env: 'ACCOUNT_ID',
        description: 'Account',
        secret: false,
        required: true,
      },
    ],
    requestOptions: [
      {
        key: 'depot',
        description: 'Acme depot the parcel was handed in at',
        operations: ['intercept'],
        pattern: '^[A-Z]{3}[0-9]{2}$',
        example: 'SHA01',
      },
    ],
    track: (ctx: CarrierContext, request: TrackingRequest) => trackAcme(ctx, request, quirks),
    intercept: (ctx: CarrierContext, request: InterceptRequest) =>
      interceptAcme(ctx, request, quirks),
    ...(quirks.withoutVerify === true
      ? {}
      : { verifyCredentials: (ctx: CarrierContext) => verifyAcme(ctx, quirks) }),
    ...(quirks.withCancelAndQuote === true
      ? {
          cancelIntercept: (ctx: CarrierContext, request: CancelRequest) =>
            cancelAcmeIntercept(ctx, request, quirks),
          quoteFee: (ctx: CarrierContext, request: FeeQuoteRequest) =>
            quoteAcmeFee(ctx, request, quirks),
        }
      : {}),
  };
  return defineCarrier(
    quirks.withoutRedirect === true
      ? base
      : {
          ...base,
          redirect: (ctx: CarrierContext, request: RedirectRequest) =>
            redirectAcme(ctx, request, quirks),
        },
  );
}

async function send(
  ctx: CarrierContext,
  request: CarrierHttpRequest,
  quirks: AcmeQuirks,
): Promise<CarrierHttpResponse> {
  const headers = {
    authorization: `Bearer ${ctx.credentials.apiKey ?? ''}`,
    'x-account': ctx.credentials.accountId ?? '',
  };
  ctx.logger.debug(
    'calling acme',
    quirks.logSecret === true ? { headers } : { path: request.path },
  );
  const polled = quirks.slowAbort === true ? pollAbort(ctx.signal) : undefined;
  try {
    return await ctx.http.request({
      ...request,
      headers,
      ...(quirks.ignoreAbort === true ? { signal: new AbortController().signal } : {}),
      ...(polled === undefined ? {} : { signal: polled.signal }),
    });
  } catch (error) {
    if (quirks.abortAsCarrierError === true && ctx.signal.aborted) {
      throw new CarrierRetryableError({
        carrierId: CARRIER_ID,
        message: 'acme: aborted',
        cause: error,
      });
    }
    if (quirks.networkAsOutcomeUnknown === true) {
      throw new CarrierRetryableError({
        carrierId: CARRIER_ID,
        message: 'acme: network',
        cause: error,
      });
    }
    throw error;
  } finally {
    polled?.stop();
  }
}

/** A signal that follows `signal` late: checked every 200 ms rather than listened to. */
function pollAbort(signal: AbortSignal): { signal: AbortSignal; stop(): void } {
  const own = new AbortController();
  const timer = setInterval(() => {
    if (signal.aborted) {
      own.abort(signal.reason);
    }
  }, 200);
  return { signal: own.signal, stop: () => clearInterval(timer) };
}

async function failure(
  ctx: CarrierContext,
  response: CarrierHttpResponse,
  quirks: AcmeQuirks,
): Promise<CarrierError> {
  const body =
    quirks.rawErrorBodyParse === true
      ? { json: JSON.parse(await response.text()) as unknown }
      : await readErrorBody(response);
  const error = isRecord(body.json) && isRecord(body.json.error) ? body.json.error : {};
  const secrets = Object.values(ctx.credentials);
  const carrierCode = typeof error.code === 'string' ? error.code : undefined;
  let carrierMessage =
    typeof error.message === 'string' ? redactSecrets(error.message, secrets) : undefined;
  if (quirks.leakSecretInError === true) {
    carrierMessage = `${carrierMessage ?? ''} (key ${ctx.credentials.apiKey ?? ''})`;
  }
  const init = { carrierId: CARRIER_ID, httpStatus: response.status, requestSent: true };
  const status = response.status;
  if (quirks.leakSecretInCause === true) {
    return new CarrierRetryableError({
      ...init,
      message: 'acme failed',
      cause: new Error(`request with ${ctx.credentials.apiKey ?? ''} failed`),
    });
  }
  if (quirks.everythingRetryable === true) {
    return new CarrierRetryableError({ ...init, message: `acme answered ${status}` });
  }
  if (quirks.serverErrorsInvalid === true && status >= 500) {
    return classifyHttpFailure({ carrierId: CARRIER_ID, status: 400, carrierCode });
  }
  if (quirks.notFoundRetryable === true && status === 404) {
    return new CarrierRetryableError({ ...init, message: 'acme answered 404' });
  }
  if (quirks.retryAfterSecondsOnly === true && status === 429) {
    const value = response.headers.get('retry-after') ?? '';
    return new CarrierRateLimitedError({
      ...init,
      message: 'acme rate limit',
      retryAfterMs: /^\d+$/.test(value) ? Number(value) * 1000 : undefined,
    });
  }
  return classifyHttpFailure({
    carrierId: CARRIER_ID,
    status,
    headers: response.headers,
    carrierCode,
    carrierMessage,
    ...(quirks.retryAfterRealClock === true ? {} : { now: ctx.clock.now() }),
  });
}

/** GET /v1/shipments/{number}: Acme's events, newest first, in China time. */
async function trackAcme(
  ctx: CarrierContext,
  request: TrackingRequest,
  quirks: AcmeQuirks,
): Promise<TrackingSnapshot> {
  if (quirks.cannedTrack === true) {
    return {
      carrierId: CARRIER_ID,
      trackingNumber: request.trackingNumber,
      status: 'unknown',
      events: [],
    };
  }
  const response = await send(
    ctx,
    { method: 'GET', path: `/v1/shipments/${encodeURIComponent(request.trackingNumber)}` },
    quirks,
  );
  if (response.status !== 200) {
    throw await failure(ctx, response, quirks);
  }
  const parse = (body: unknown): TrackingSnapshot => {
    const shipment = isRecord(body) && isRecord(body.shipment) ? body.shipment : undefined;
    if (shipment === undefined || !Array.isArray(shipment.events)) {
      throw new TypeError('acme answered without shipment.events');
    }
    const mapped = shipment.events.map((event: unknown) => mapEvent(event, quirks));
    const events = quirks.newestFirst === true ? mapped : sortEventsChronologically(mapped);
    const current =
      quirks.statusFromOldestEvent === true && events[0] !== undefined
        ? { status: events[0].status }
        : deriveCurrentStatus(events);
    return { carrierId: CARRIER_ID, trackingNumber: request.trackingNumber, ...current, events };
  };
  if (quirks.rawJsonParse === true) {
    return parse(JSON.parse(await response.text()));
  }
  return parseJsonResponse(response, { carrierId: CARRIER_ID, mutation: false }, parse);
}

function mapEvent(event: unknown, quirks: AcmeQuirks): TrackingEvent {
  if (!isRecord(event) || typeof event.code !== 'string' || typeof event.time !== 'string') {
    throw new TypeError('acme event without code or time');
  }
  const known = ACME_STATUS_MAP[event.code];
  const mapping: StatusMapping =
    known === undefined || quirks.unknownCodes?.includes(event.code) === true
      ? { status: 'unknown' }
      : known;
  return {
    occurredAt:
      quirks.timesWithoutOffset === true
        ? event.time.replace(' ', 'T')
        : localDateTimeToIso(event.time, '+08:00'),
    ...mapping,
    description: typeof event.text === 'string' ? event.text : '',
    raw: { code: quirks.dropRawCode === true ? '' : event.code },
  };
}

/** POST /v1/shipments/{number}/intercepts. */
async function interceptAcme(
  ctx: CarrierContext,
  request: InterceptRequest,
  quirks: AcmeQuirks,
): Promise<InterceptResult> {
  if (quirks.interceptThrows === true) {
    throw new Error('intercept is not implemented yet');
  }
  const options = request.carrierOptions;
  const depot = quirks.ignoresDeclaredOption === true ? undefined : options?.depot;
  const payer = quirks.readsUndeclaredOption === true ? options?.payer : undefined;
  const response = await send(
    ctx,
    {
      method: 'POST',
      path: `/v1/shipments/${encodeURIComponent(request.trackingNumber)}/intercepts`,
      body: JSON.stringify({ reference: request.reference, reason: request.reason, depot, payer }),
      ...(quirks.interceptIdempotent === true ? { idempotent: true } : {}),
    },
    quirks,
  );
  if (response.status !== 200) {
    throw await failure(ctx, response, quirks);
  }
  return parseJsonResponse(
    response,
    { carrierId: CARRIER_ID, mutation: quirks.interceptIdempotent !== true },
    (body): InterceptResult => {
      if (!isRecord(body) || typeof body.interceptId !== 'string') {
        throw new TypeError('acme answered without interceptId');
      }
      return { outcome: 'accepted', carrierReference: body.interceptId };
    },
  );
}

/** POST /v1/shipments/{number}/redirects. */
async function redirectAcme(
  ctx: CarrierContext,
  request: RedirectRequest,
  quirks: AcmeQuirks,
): Promise<RedirectResult> {
  const response = await send(
    ctx,
    {
      method: 'POST',
      path: `/v1/shipments/${encodeURIComponent(request.trackingNumber)}/redirects`,
      body: JSON.stringify({ reference: request.reference, address: request.newAddress }),
    },
    quirks,
  );
  if (response.status !== 200) {
    throw await failure(ctx, response, quirks);
  }
  return parseJsonResponse(
    response,
    { carrierId: CARRIER_ID, mutation: true },
    (body): RedirectResult => {
      if (!isRecord(body) || typeof body.redirectId !== 'string') {
        throw new TypeError('acme answered without redirectId');
      }
      return { outcome: 'accepted', carrierReference: body.redirectId };
    },
  );
}

/** POST /v1/intercepts/{interceptId}/cancel: Acme answers whether it undid the intercept. */
async function cancelAcmeIntercept(
  ctx: CarrierContext,
  request: CancelRequest,
  quirks: AcmeQuirks,
): Promise<CancelResult> {
  const response = await send(
    ctx,
    {
      method: 'POST',
      path: `/v1/shipments/${encodeURIComponent(request.trackingNumber)}/intercepts/cancel`,
      body: JSON.stringify({ reference: request.reference, interceptId: request.carrierReference }),
      ...(quirks.cancelIdempotent === true ? { idempotent: true } : {}),
    },
    quirks,
  );
  if (response.status !== 200) {
    throw await failure(ctx, response, quirks);
  }
  return parseJsonResponse(
    response,
    { carrierId: CARRIER_ID, mutation: quirks.cancelIdempotent !== true },
    (body): CancelResult => {
      if (!isRecord(body) || typeof body.cancelled !== 'boolean') {
        throw new TypeError('acme answered without cancelled');
      }
      return body.cancelled && quirks.cancelAnswersRejected !== true
        ? { outcome: 'cancelled' }
        : { outcome: 'rejected', carrierReason: String(body.reason ?? 'TOO_LATE') };
    },
  );
}

/** GET /v1/shipments/{number}/fees?action=: Acme's price, in fen. */
async function quoteAcmeFee(
  ctx: CarrierContext,
  request: FeeQuoteRequest,
  quirks: AcmeQuirks,
): Promise<FeeQuote> {
  const response = await send(
    ctx,
    {
      method: 'GET',
      path: `/v1/shipments/${encodeURIComponent(request.trackingNumber)}/fees`,
      query: { action: request.action },
    },
    quirks,
  );
  if (response.status !== 200) {
    throw await failure(ctx, response, quirks);
  }
  return parseJsonResponse(
    response,
    { carrierId: CARRIER_ID, mutation: false },
    (body): FeeQuote => {
      if (!isRecord(body) || typeof body.fen !== 'number') {
        throw new TypeError('acme answered without fen');
      }
      const yuan = (body.fen / 100).toFixed(2);
      const amount = quirks.quoteAsNumber === true ? Number(yuan) : yuan;
      return { amount: { amount, currency: 'CNY' } } as FeeQuote;
    },
  );
}

/** A read of a number Acme never issued: 404 means Acme took the key, 401 that it did not. */
async function verifyAcme(ctx: CarrierContext, quirks: AcmeQuirks): Promise<void> {
  if (quirks.verifyWithoutCalling === true) {
    return;
  }
  try {
    await trackAcme(ctx, { trackingNumber: 'ACM000000000' }, quirks);
  } catch (error) {
    if (quirks.verifyRefusesNotFound === true || !isCarrierErrorOfKind(error, 'not-found')) {
      throw error;
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
