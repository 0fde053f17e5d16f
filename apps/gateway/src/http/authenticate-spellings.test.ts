/**
 * Authentication is decided by the route the router matched, never by the URL: every
 * registered route that is not public, under every spelling of its path, is a 401 without a
 * key, and the carrier is never called. Routes are listed from the app itself, so a route
 * added later is covered without touching this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { pathSpellings, publicPrefixSpellings } from '../../test/support/path-spellings.ts';
import { createTestGateway, type TestGateway } from '../../test/support/test-app.ts';
import type { RouteAccess } from './authenticate.ts';

const { carrier, script } = createFakeCarrier();
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await createTestGateway([carrier], {}, { database: 'from-env' });
  script.parcels.set('FK000001', 'in_transit');
});
afterAll(() => gateway?.close());

/** A value for each path parameter, naming things that exist, so a bypass would act. */
const PARAMETERS: Readonly<Record<string, string>> = {
  carrier: 'fake',
  trackingNumber: 'FK000001',
  id: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
  '*': 'x',
};

/** Valid bodies, so that a request let through would reach the carrier. */
const BODIES: Readonly<Record<string, unknown>> = {
  '/v1/intercepts': {
    carrier: 'fake',
    trackingNumber: 'FK000001',
    reason: 'buyer_cancelled',
    pickupMode: 'platform_pickup',
  },
  '/v1/intercepts/eligibility': {
    carrier: 'fake',
    trackingNumber: 'FK000001',
    reason: 'buyer_cancelled',
    pickupMode: 'platform_pickup',
  },
  '/v1/redirects': {
    carrier: 'fake',
    trackingNumber: 'FK000001',
    orderRef: 'ORD-1',
    reason: 'address_error',
    newAddress: { name: 'A', phone: '+8613800000000', line1: 'x', city: 'y', country: 'CN' },
  },
};

/** What may be served without a key; anything else public is a mistake. */
const PUBLIC_ROUTES =
  /^(?:\/healthz|\/readyz|\/metrics|\/openapi\.json|\/docs|\/docs\/.*|\/v1\/carrier-callbacks\/:carrier|\/v1\/carrier-callbacks\/:carrier\/:connection)$/;

function concrete(url: string): string {
  return url.replace(/:(\w+)|\*/g, (match, name: string | undefined) => {
    const value = PARAMETERS[name ?? match];
    if (value === undefined) {
      throw new Error(`no sample value for the parameter ${match} of ${url}`);
    }
    return value;
  });
}

async function send(route: RouteAccess, url: string) {
  const body = BODIES[route.url];
  return gateway.app.inject({
    method: route.method as 'GET',
    url,
    headers: { 'idempotency-key': `spelling-${Math.random()}` },
    ...(body === undefined || route.method === 'GET' || route.method === 'HEAD'
      ? {}
      : { payload: body as Record<string, unknown> }),
  });
}

describe('authentication by matched route', () => {
  it('lists the routes, and only the operations endpoints, docs and callbacks are public', () => {
    const routes = gateway.app.routeAccess();
    expect(routes.filter((route) => !route.public).length).toBeGreaterThan(10);
    for (const route of routes.filter((item) => item.public)) {
      expect(route.url, `${route.method} ${route.url}`).toMatch(PUBLIC_ROUTES);
    }
    for (const route of routes.filter((item) => item.url.startsWith('/v1/'))) {
      expect(route.public, route.url).toBe(route.url.startsWith('/v1/carrier-callbacks/:carrier'));
    }
  });

  it('answers 401 to every spelling of every route that needs a key, and calls no carrier', async () => {
    const protectedRoutes = gateway.app.routeAccess().filter((route) => !route.public);
    let checked = 0;
    for (const route of protectedRoutes) {
      for (const url of pathSpellings(concrete(route.url))) {
        const answer = await send(route, url);
        expect(answer.statusCode, `${route.method} ${url}: ${answer.body}`).toBe(401);
        if (route.method !== 'HEAD') {
          expect(answer.json()).toMatchObject({
            type: 'https://parcelgate.dev/problems/unauthorized',
          });
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(script.calls).toEqual({
      track: 0,
      trackMany: 0,
      intercept: 0,
      redirect: 0,
      interceptStatus: 0,
    });
  });

  it('never serves a route that needs a key through a public route and dot segments', async () => {
    for (const route of gateway.app.routeAccess().filter((item) => !item.public)) {
      for (const url of publicPrefixSpellings(concrete(route.url))) {
        const answer = await send(route, url);
        expect(answer.statusCode, `${route.method} ${url}: ${answer.body}`).toBeGreaterThanOrEqual(
          400,
        );
        expect(answer.body, url).not.toContain('"data"');
      }
    }
    expect(script.calls).toEqual({
      track: 0,
      trackMany: 0,
      intercept: 0,
      redirect: 0,
      interceptStatus: 0,
    });
  });

  it('asks for a key on paths that match no route (no route-existence oracle)', async () => {
    for (const url of [
      '/',
      '/nope',
      '/v1',
      '/v1/',
      '/v2/carriers',
      '/V1/CARRIERS',
      '/v1//carriers',
    ]) {
      const anonymous = await gateway.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode, url).toBe(401);
      const withKey = await gateway.app.inject({ method: 'GET', url, headers: gateway.auth.acme });
      expect(withKey.statusCode, url).toBe(404);
      expect(withKey.json().type).toBe('https://parcelgate.dev/problems/not-found');
    }
  });

  it('serves public routes under their other spellings without a key', async () => {
    for (const url of ['/healthz', '/%68ealthz', '/%68%65%61%6c%74%68%7a', '/readyz']) {
      const answer = await gateway.app.inject({ method: 'GET', url });
      expect(answer.statusCode, url).toBe(200);
    }
  });
});
