/**
 * A tenant's own carrier accounts and registered parcels through the SDK, against the real
 * gateway and simulator (whose sandbox knows accounts: a parcel owned by one API key is a
 * 404 to every other key). Tenant `connections` connects its own sandbox account, so every
 * call it makes then goes through it; tenant `parcels` has none, so it acts through the
 * deployment's shared account only on the parcels it registered.
 */
import { describe, expect, it } from 'vitest';
import {
  type CarrierConnection,
  isConnectionInUse,
  isNotFound,
  isParcelAlreadyRegistered,
  isParcelNotRegistered,
  isSecretKeyRequired,
  type NewCarrierConnection,
  type RegisteredParcel,
} from '../../src/index.ts';
import { client, interceptBody, rejection, sim } from './support.ts';

/** The sandbox account's key: what must never come back in an answer. */
const SANDBOX_KEY = 'sbx_sdk_e2e_0123456789';

const sandboxAccount = (extra: Partial<NewCarrierConnection> = {}): NewCarrierConnection => ({
  carrier: 'sandbox',
  label: 'SDK e2e sandbox account',
  mode: 'test',
  credentials: { apiKey: SANDBOX_KEY },
  ...extra,
});

describe('client.carrierConnections (tenant `connections`)', () => {
  const connections = () => client({ tenant: 'connections', maxRetries: 0 }).carrierConnections;

  it('creates, lists, reads, updates, tests and deletes a connection, never showing the key', async () => {
    const created = await connections().create(sandboxAccount());
    expect(created).toMatchObject({
      id: expect.stringMatching(/^con_[0-9A-Z]{26}$/),
      carrier: 'sandbox',
      label: 'SDK e2e sandbox account',
      mode: 'test',
      isDefault: true,
      credentials: { apiKey: { secret: true, hint: '••••6789' } },
    });
    expect(created.callbackUrl).toMatch(new RegExp(`/v1/carrier-callbacks/sandbox/${created.id}$`));
    expect(JSON.stringify(created)).not.toContain(SANDBOX_KEY);

    const ids = (list: { data: CarrierConnection[] }) => list.data.map((item) => item.id);
    expect(ids(await connections().list())).toContain(created.id);
    expect(ids(await connections().list({ carrier: 'sandbox' }))).toContain(created.id);
    expect(ids(await connections().list({ carrier: 'trackonly' }))).not.toContain(created.id);
    expect(await connections().get(created.id)).toEqual(created);

    const renamed = await connections().update(created.id, { label: 'renamed by the SDK' });
    expect(renamed).toMatchObject({ id: created.id, label: 'renamed by the SDK', isDefault: true });
    expect(await connections().get(created.id)).toEqual(renamed);

    const accepted = await connections().test(created.id);
    expect(accepted).toMatchObject({ ok: true, outcome: 'ok' });
    expect(accepted.durationMs).toBeGreaterThanOrEqual(0);

    // A credential changed alone: the carrier now refuses it, and the test says so.
    const rotated = await connections().update(created.id, {
      credentials: { apiKey: 'not-a-sandbox-key-000000' },
    });
    expect(rotated.credentials.apiKey).toEqual({ secret: true, hint: '••••0000' });
    expect(await connections().test(created.id)).toMatchObject({
      ok: false,
      outcome: 'authentication_failed',
    });

    await expect(connections().delete(created.id)).resolves.toBeUndefined();
    expect(isNotFound(await rejection(connections().get(created.id)))).toBe(true);
    expect(isNotFound(await rejection(connections().delete(created.id)))).toBe(true);
    expect(ids(await connections().list())).not.toContain(created.id);
  });

  it('acts through the connection, and refuses to delete it while an intercept is open', async () => {
    const connection = await connections().create(sandboxAccount({ isDefault: true }));
    const trackingNumber = await sim().createParcel({ status: 'in_transit', account: SANDBOX_KEY });
    const intercept = await client({ tenant: 'connections' }).intercepts.create(
      interceptBody(trackingNumber),
    );
    expect(intercept.status).toBe('accepted');
    expect((await sim().parcel(trackingNumber)).callsByAccount[SANDBOX_KEY]?.intercept).toBe(1);

    const error = await rejection(connections().delete(connection.id));
    expect(isConnectionInUse(error)).toBe(true);
    expect(error).toMatchObject({
      status: 409,
      connectionId: connection.id,
      openActions: 1,
    });
    expect((await connections().get(connection.id)).id).toBe(connection.id);
  });

  it('throws secret-key-required for a live connection on a deployment without the key', async () => {
    const error = await rejection(connections().create(sandboxAccount({ mode: 'live' })));
    expect(isSecretKeyRequired(error)).toBe(true);
    expect(error).toMatchObject({ status: 409, problemType: 'secret-key-required' });
  });
});

describe('client.parcels (tenant `parcels`)', () => {
  const parcels = () => client({ tenant: 'parcels', maxRetries: 0 });

  it('registers a parcel, lists and reads it, and may act on it then', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    const body = interceptBody(trackingNumber);

    const unregistered = await rejection(parcels().intercepts.create(body));
    expect(isParcelNotRegistered(unregistered)).toBe(true);
    expect(unregistered).toMatchObject({ status: 404, carrier: 'sandbox' });
    expect((await sim().parcel(trackingNumber)).calls.intercept).toBe(0);

    const registered = await parcels().parcels.register({
      carrier: 'sandbox',
      trackingNumber,
      orderRef: body.orderRef ?? '',
    });
    expect(registered).toMatchObject({
      id: expect.stringMatching(/^pcl_[0-9A-Z]{26}$/),
      carrier: 'sandbox',
      trackingNumber,
      orderRef: body.orderRef,
    });
    // Registering again resolves with the first registration.
    expect(await parcels().parcels.register({ carrier: 'sandbox', trackingNumber })).toEqual(
      registered,
    );
    expect(await parcels().parcels.get(registered.id)).toEqual(registered);
    expect(await parcels().parcels.listPage({ trackingNumber })).toEqual({
      data: [registered],
      nextCursor: null,
    });
    const listed: RegisteredParcel[] = [];
    for await (const parcel of parcels().parcels.list({ carrier: 'sandbox', limit: 1 })) {
      listed.push(parcel);
    }
    expect(listed.map((parcel) => parcel.id)).toContain(registered.id);

    expect((await parcels().intercepts.create(body)).status).toBe('accepted');
  });

  it('throws parcel-already-registered when another tenant registered it', async () => {
    const trackingNumber = await sim().createParcel({ status: 'in_transit' });
    await parcels().parcels.register({ carrier: 'sandbox', trackingNumber });
    const error = await rejection(
      client({ tenant: 'pages', maxRetries: 0 }).parcels.register({
        carrier: 'sandbox',
        trackingNumber,
      }),
    );
    expect(isParcelAlreadyRegistered(error)).toBe(true);
    expect(error).toMatchObject({ status: 409, carrier: 'sandbox' });
    expect(
      isNotFound(await rejection(parcels().parcels.get('pcl_01JD3K9V7Q8M2N4P6R8T0V2X4Z'))),
    ).toBe(true);
  });
});
