import { CarrierNotEligibleError } from '@parcelgate/carrier-kit';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeCarrier } from '../../../test/support/fake-carrier.ts';
import { openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { createCarrierRegistry } from '../../carriers/carrier-registry.ts';
import { resolveCarrierSettings } from '../../carriers/carrier-settings.ts';
import { loadConfig } from '../../config/load-config.ts';
import { openConnectionSecrets } from '../../connections/connection-secrets.ts';
import { Deadline } from '../../deadline/deadline.ts';
import { isProblemError } from '../../problems.ts';
import type { CarrierAttemptReport } from '../../resilience/call-carrier.ts';
import { createResilienceRegistry } from '../../resilience/carrier-resilience.ts';
import { openAttemptLog } from '../../store/attempt-log.ts';
import { migrate } from '../../store/migrate.ts';
import { openParcelStatusLog } from '../../store/parcel-status-log.ts';
import { redirectsUsed } from '../../store/redirects.ts';
import { createTenantReads } from '../../store/tenant-reads.ts';
import { ensureTenant } from '../../store/tenants.ts';
import { createActiveIntercepts } from '../active-intercepts.ts';
import type { ActionScope } from './action-kind.ts';
import { interceptKind } from './intercept-kind.ts';
import { redirectKind } from './redirect-kind.ts';
import { runAction } from './run-action.ts';

// The pipeline from its parts alone, no Fastify app: a database, the carrier registry, the
// resilience state with an attempt sink, and a reconciler that only records what it is
// asked to follow.
const { carrier, script } = createFakeCarrier();
const attempts: CarrierAttemptReport[] = [];
const follow = vi.fn(async () => {});
let store: TestDatabase;
let app: ActionScope['app'];
let tenant: ActionScope['request']['tenant'];
let sequence = 0;

beforeAll(async () => {
  store = await openTestDatabase();
  await migrate(store.database);
  const config = loadConfig({ PARCELGATE_DATA_DIR: 'memory://', LOG_LEVEL: 'silent' });
  const { settings } = resolveCarrierSettings(
    carrier,
    config.carrierEnvironment,
    config.simulatorUrl,
  );
  if (settings === undefined) {
    throw new Error('the fake carrier needs no settings');
  }
  const carriers = createCarrierRegistry([{ definition: carrier, settings }]);
  app = {
    config: { ...config, sharedAccountTenants: ['parts'] },
    database: store.database,
    carriers,
    connectionSecrets: await openConnectionSecrets(store.database, undefined, carriers.list()),
    resilience: createResilienceRegistry(config, carriers.list(), {
      onAttempt: async (attempt) => {
        attempts.push(attempt);
      },
    }),
    reconciler: { follow, sweep: async () => 0, stop: async () => {} },
    tenantReads: createTenantReads(store.database, { ttlMs: 0 }),
    activeIntercepts: createActiveIntercepts(store.database, { ttlMs: 0 }),
    // The attempts are watched through onAttempt above; nothing reaches this log.
    attempts: openAttemptLog(store.database),
    parcelStatuses: openParcelStatusLog(store.database),
  };
  tenant = { ...(await ensureTenant(store.database, 'parts')), keyId: 'key_parts' };
});
afterAll(() => store.drop());
beforeEach(() => {
  attempts.length = 0;
  follow.mockClear();
  script.intercept = async () => ({ outcome: 'accepted', carrierReference: 'F-1' });
});

/** The parts of one request, as the route would give them. */
function request(): ActionScope['request'] {
  return {
    id: `req-${sequence}`,
    log: pino({ level: 'silent' }),
    tenant,
    signal: new AbortController().signal,
    logContext: {},
    method: 'POST',
    deadline: Deadline.in(10_000),
    idempotency: undefined,
  };
}

function parcel(status: Parameters<typeof script.parcels.set>[1]): string {
  sequence += 1;
  const trackingNumber = `FK7${String(sequence).padStart(5, '0')}`;
  script.parcels.set(trackingNumber, status);
  return trackingNumber;
}

const interceptOf = (trackingNumber: string) => ({
  carrier: 'fake',
  trackingNumber,
  reason: 'buyer_cancelled' as const,
  pickupMode: 'platform_pickup' as const,
});

describe('runAction, from its parts', () => {
  it('stores an accepted intercept, reports its attempts and hands it to reconciliation', async () => {
    const answer = await runAction(
      interceptKind,
      { app, request: request() },
      interceptOf(parcel('in_transit')),
    );
    expect(answer.httpStatus).toBe(201);
    expect(answer.action).toMatchObject({ status: 'accepted', carrierReference: 'F-1' });
    expect(attempts.map((attempt) => [attempt.operation, attempt.actionId])).toEqual([
      ['track', null],
      ['intercept', answer.action.id],
    ]);
    // Accepted is not final: the parcel has still to come back.
    expect(follow).toHaveBeenCalledWith('intercepts', answer.action.id);
  });

  it('stores a refusal by policy and never asks the carrier to intercept', async () => {
    const error = await runAction(
      interceptKind,
      { app, request: request() },
      interceptOf(parcel('delivered')),
    ).catch((thrown: unknown) => thrown);
    expect(isProblemError(error) && error.problemType).toBe('not-eligible');
    expect(attempts.map((attempt) => attempt.operation)).toEqual(['track']);
    expect(follow).not.toHaveBeenCalled();
  });

  it("gives the order's free redirect back when the carrier refuses the redirect", async () => {
    script.redirect = async () => {
      throw new CarrierNotEligibleError({
        carrierId: 'fake',
        message: 'the parcel left the station',
        reason: 'carrier_refused',
        httpStatus: 422,
        requestSent: true,
      });
    };
    const orderRef = `ORDER-${sequence}`;
    const answer = await runAction(
      redirectKind,
      { app, request: request() },
      {
        carrier: 'fake',
        trackingNumber: parcel('in_transit'),
        orderRef,
        reason: 'address_error',
        newAddress: {
          name: 'Li Lei',
          phone: '+8613800000000',
          line1: '1 Renmin Rd',
          city: 'Suzhou',
          country: 'CN',
        },
      },
    );
    expect(answer.action).toMatchObject({ status: 'rejected', free: true });
    expect(await redirectsUsed(store.database, tenant.id, orderRef)).toBe(0);
  });
});
