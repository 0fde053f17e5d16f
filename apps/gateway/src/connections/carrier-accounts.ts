import type { FastifyInstance } from 'fastify';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { resolveConnectionSettings } from '../carriers/carrier-settings.ts';
import { ProblemError } from '../problems.ts';
import { type ConnectionRecord, findConnectionById } from '../store/connections.ts';
import { isParcelRegisteredBy } from '../store/parcels.ts';
import type { ConnectionSecrets } from './connection-secrets.ts';
import { secretValues } from './credential-fields.ts';
import { openCredentials } from './sealed-credentials.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** How stored carrier credentials are sealed (see connection-secrets.ts). */
    readonly connectionSecrets: ConnectionSecrets;
  }
}

/** What choosing and binding a carrier account needs of the gateway. */
export type AccountParts = Pick<
  FastifyInstance,
  'carriers' | 'database' | 'config' | 'connectionSecrets' | 'tenantReads'
>;
/** Who acts: the request's tenant. */
export interface ActingTenant {
  readonly id: string;
  readonly name: string;
}

/**
 * What the account is for: `read` (tracking, open to every tenant) or `act` (an intercept,
 * a redirect or their dry run, which change a parcel's fate).
 */
export type AccountPurpose = 'read' | 'act';

/**
 * The carrier account a tenant's call goes through:
 * 1. the tenant's default connection for the carrier, when it has one;
 * 2. else the deployment's shared account, which the bootstrap tenant (and any tenant named
 *    in `PARCELGATE_SHARED_ACCOUNT_TENANTS`) uses as its own, and through which any tenant
 *    may read tracking;
 * 3. but another tenant may act through the shared account only on parcels it registered
 *    (`POST /v1/parcels`): anything else is a 404 `parcel-not-registered`, and the carrier
 *    is never called.
 */
export async function resolveCarrierAccount(
  app: AccountParts,
  tenant: ActingTenant,
  carrierId: string,
  use: { readonly purpose: AccountPurpose; readonly trackingNumber: string },
): Promise<RegisteredCarrier> {
  const shared = app.carriers.resolve(carrierId);
  const own = await app.tenantReads.defaultConnection(tenant.id, carrierId);
  if (own !== undefined) {
    return bindConnection(app, own);
  }
  if (use.purpose === 'read' || app.config.sharedAccountTenants.includes(tenant.name)) {
    return shared;
  }
  if (await isParcelRegisteredBy(app.database, tenant.id, carrierId, use.trackingNumber)) {
    return shared;
  }
  throw new ProblemError(
    'parcel-not-registered',
    `Register ${carrierId} parcel ${use.trackingNumber} (POST /v1/parcels) or connect your own ${shared.definition.displayName} account (POST /v1/carrier-connections) before acting on it.`,
    { carrier: carrierId },
  );
}

/**
 * The account an intercept or redirect went through, or a push is addressed to (its
 * connection, or the shared account), for reconciliation, callbacks and cancels; undefined
 * when the carrier is no longer loaded, or the connection is gone or of another carrier.
 */
export async function accountOfAction(
  app: AccountParts,
  action: { readonly carrier: string; readonly connectionId: string | null },
): Promise<RegisteredCarrier | undefined> {
  const shared = app.carriers.list().find((entry) => entry.definition.id === action.carrier);
  if (shared === undefined || action.connectionId === null) {
    return shared;
  }
  const connection = await findConnectionById(app.database, action.connectionId);
  return connection === undefined || connection.carrier !== action.carrier
    ? undefined
    : bindConnection(app, connection);
}

/**
 * The carrier bound to a stored connection. Credentials are opened only when this version
 * of the connection is not bound yet, and never leave the carrier context.
 */
export function bindConnection(app: AccountParts, connection: ConnectionRecord): RegisteredCarrier {
  const { definition } = app.carriers.resolve(connection.carrier);
  return app.carriers.bind({
    id: connection.id,
    carrier: connection.carrier,
    version: connection.version,
    settings: () => {
      const credentials = openCredentials(
        app.connectionSecrets.box,
        connection,
        connection.sealedCredentials,
      );
      return resolveConnectionSettings(
        definition,
        app.config.carrierEnvironment,
        app.config.simulatorUrl,
        {
          mode: connection.mode,
          credentials,
          secrets: secretValues(definition.credentials, credentials),
        },
      );
    },
  });
}
