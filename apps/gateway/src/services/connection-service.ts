import { type CarrierDefinition, isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bindConnection } from '../connections/carrier-accounts.ts';
import {
  type CredentialInput,
  checkCredentials,
  credentialHints,
} from '../connections/credential-fields.ts';
import { openCredentials, sealCredentials } from '../connections/sealed-credentials.ts';
import { newId } from '../ids.ts';
import { ProblemError } from '../problems.ts';
import { callCarrier } from '../resilience/call-carrier.ts';
import { LimiterRejectedError } from '../resilience/carrier-limiter.ts';
import {
  type ConnectionMode,
  type ConnectionRecord,
  deleteConnection,
  findConnection,
  insertConnection,
  listConnections,
  updateConnection,
} from '../store/connections.ts';

/** The body of `POST /v1/carrier-connections`. */
export interface NewConnectionInput {
  readonly carrier: string;
  readonly label: string;
  readonly mode: ConnectionMode;
  readonly credentials: Readonly<Record<string, string>>;
  readonly isDefault?: boolean | undefined;
}

/** The body of `PATCH /v1/carrier-connections/{id}`. */
export interface ConnectionChangesInput {
  readonly label?: string | undefined;
  readonly mode?: ConnectionMode | undefined;
  readonly isDefault?: true | undefined;
  readonly credentials?: CredentialInput | undefined;
}

/** Stores a tenant's own carrier account, its credentials checked against the adapter's spec and sealed. */
export async function createConnection(
  app: FastifyInstance,
  tenantId: string,
  input: NewConnectionInput,
): Promise<ReturnType<typeof presentConnection>> {
  const { definition } = app.carriers.resolve(input.carrier);
  refuseLiveWithoutKey(app, input.mode);
  const values = checked(definition, input.credentials);
  const owner = { id: newId('con'), tenantId, carrier: definition.id };
  const record = await insertConnection(app.database, {
    ...owner,
    label: input.label,
    mode: input.mode,
    makeDefault: input.isDefault === true,
    sealedCredentials: sealCredentials(app.connectionSecrets.box, owner, values),
    credentialHints: credentialHints(definition.credentials, values),
  });
  app.tenantReads.forget(tenantId);
  return presentConnection(app, record);
}

/** Changes a connection: label, mode, default flag, or credentials field by field. */
export async function changeConnection(
  app: FastifyInstance,
  tenantId: string,
  id: string,
  input: ConnectionChangesInput,
): Promise<ReturnType<typeof presentConnection>> {
  const current = await connectionOf(app, tenantId, id);
  const { definition } = app.carriers.resolve(current.carrier);
  if (input.mode !== undefined) {
    refuseLiveWithoutKey(app, input.mode);
  }
  let sealed:
    | { sealedCredentials: string; credentialHints: ReturnType<typeof credentialHints> }
    | undefined;
  if (input.credentials !== undefined) {
    const stored = openCredentials(app.connectionSecrets.box, current, current.sealedCredentials);
    const values = checked(definition, input.credentials, stored);
    sealed = {
      sealedCredentials: sealCredentials(app.connectionSecrets.box, current, values),
      credentialHints: credentialHints(definition.credentials, values),
    };
  }
  const updated = await updateConnection(app.database, tenantId, id, {
    ...(input.label === undefined ? {} : { label: input.label }),
    ...(input.mode === undefined ? {} : { mode: input.mode }),
    ...(input.isDefault === true ? { makeDefault: true } : {}),
    ...sealed,
  });
  if (updated === undefined) {
    throw notFound(id);
  }
  app.tenantReads.forget(tenantId);
  return presentConnection(app, updated);
}

/** One connection of the tenant. */
export async function getConnection(app: FastifyInstance, tenantId: string, id: string) {
  return presentConnection(app, await connectionOf(app, tenantId, id));
}

/** The tenant's connections, newest first. */
export async function listTenantConnections(
  app: FastifyInstance,
  tenantId: string,
  carrier: string | undefined,
) {
  const rows = await listConnections(app.database, tenantId, carrier);
  return { data: rows.map((row) => presentConnection(app, row)) };
}

/** Deletes a connection no open intercept or redirect still needs. */
export async function removeConnection(
  app: FastifyInstance,
  tenantId: string,
  id: string,
): Promise<void> {
  const outcome = await deleteConnection(app.database, tenantId, id);
  if (outcome === 'deleted') {
    app.tenantReads.forget(tenantId);
  }
  if (outcome === 'not-found') {
    throw notFound(id);
  }
  if (outcome !== 'deleted') {
    throw new ProblemError(
      'connection-in-use',
      `${outcome.inUse} open intercepts or redirects go through this connection; delete it once they are settled.`,
      { connectionId: id, openActions: outcome.inUse },
    );
  }
}

/**
 * Tries a connection's credentials at the carrier: the adapter's `verifyCredentials`
 * where it has one, else a tracking read of a number no parcel has (the carrier
 * authenticates the call, then finds nothing). One attempt, no retry, within the track
 * budget; the attempt is recorded like any other.
 */
export async function testConnection(app: FastifyInstance, request: FastifyRequest, id: string) {
  const carrier = bindConnection(app, await connectionOf(app, request.tenant.id, id));
  const { definition } = carrier;
  const verify = definition.verifyCredentials;
  const resilience = app.resilience.of(carrier);
  // The route's deadline is this carrier's track budget: the answer is kept back from it.
  const deadline = request.deadline.child();
  // Through the account's limiter like any call: testing must not break its rate limit.
  const result = await resilience.limiter
    .run(
      () =>
        callCarrier({
          carrier,
          operation: 'verifyCredentials',
          request,
          actionId: null,
          deadline,
          onAttempt: resilience.onAttempt,
          tracer: resilience.tracer,
          abortOnClientDisconnect: true,
          run: async (ctx) => {
            if (verify !== undefined) {
              await verify.call(definition, ctx);
              return;
            }
            try {
              await definition.track(ctx, { trackingNumber: PROBE_TRACKING_NUMBER });
            } catch (error) {
              if (!isCarrierErrorOfKind(error, 'not-found')) {
                throw error;
              }
            }
          },
        }),
      deadline.remainingMs(),
      request.tenant.id,
    )
    .catch((error: unknown) => {
      if (error instanceof LimiterRejectedError) {
        return undefined;
      }
      throw error;
    });
  if (result === undefined) {
    return {
      ok: false,
      outcome: 'unreachable' as const,
      detail: `Too many calls to ${definition.displayName} are waiting on this connection; try again shortly.`,
      durationMs: 0,
    };
  }
  if (result.ok) {
    return {
      ok: true,
      outcome: 'ok' as const,
      detail: `${definition.displayName} accepted the credentials.`,
      durationMs: result.durationMs,
    };
  }
  const { failure } = result;
  if (failure.kind === 'carrier-error' && isCarrierErrorOfKind(failure.error, 'authentication')) {
    return {
      ok: false,
      outcome: 'authentication_failed' as const,
      detail: failure.error.message,
      durationMs: result.durationMs,
    };
  }
  if (
    failure.kind === 'timeout' ||
    (failure.kind === 'carrier-error' && isCarrierErrorOfKind(failure.error, 'retryable'))
  ) {
    return {
      ok: false,
      outcome: 'unreachable' as const,
      detail:
        failure.kind === 'timeout'
          ? `${definition.displayName} did not answer in time.`
          : failure.error.message,
      durationMs: result.durationMs,
    };
  }
  return {
    ok: false,
    outcome: 'carrier_error' as const,
    detail: failure.kind === 'carrier-error' ? failure.error.message : 'the adapter failed',
    durationMs: result.durationMs,
  };
}

/** A tracking number no carrier issues: a read of it proves authentication and nothing else. */
const PROBE_TRACKING_NUMBER = 'PARCELGATE0CONNECTION0TEST';

/** A connection as the API shows it: never a secret. */
export function presentConnection(app: FastifyInstance, record: ConnectionRecord) {
  return {
    id: record.id,
    carrier: record.carrier,
    label: record.label,
    mode: record.mode,
    isDefault: record.isDefault,
    credentials: record.credentialHints,
    callbackUrl:
      app.config.publicUrl === undefined
        ? null
        : `${app.config.publicUrl}/v1/carrier-callbacks/${record.carrier}/${record.id}`,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/**
 * The carrier of one of the tenant's connections, if it has that connection: its budgets
 * apply to testing it.
 */
export async function carrierOfConnection(
  app: FastifyInstance,
  tenantId: string,
  id: string,
): Promise<string | undefined> {
  return (await findConnection(app.database, tenantId, id))?.carrier;
}

async function connectionOf(
  app: FastifyInstance,
  tenantId: string,
  id: string,
): Promise<ConnectionRecord> {
  const record = await findConnection(app.database, tenantId, id);
  if (record === undefined) {
    throw notFound(id);
  }
  return record;
}

function notFound(id: string): ProblemError {
  return new ProblemError('not-found', `No carrier connection ${id}.`, { connectionId: id });
}

function checked(
  definition: CarrierDefinition,
  input: CredentialInput,
  current?: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  const result = checkCredentials(definition.credentials, input, current);
  if (!result.ok) {
    throw new ProblemError(
      'validation-failed',
      `The credentials do not match what ${definition.displayName} needs: ${result.errors
        .map((error) => `${error.pointer} ${error.detail}`)
        .join('; ')}.`,
      { errors: result.errors, carrier: definition.id },
    );
  }
  return result.values;
}

function refuseLiveWithoutKey(app: FastifyInstance, mode: ConnectionMode): void {
  if (mode === 'live' && !app.connectionSecrets.keyConfigured) {
    throw new ProblemError(
      'secret-key-required',
      'This deployment has no PARCELGATE_SECRET_KEY: only test connections can be stored. Its operator sets the key (32 random bytes) to store live credentials.',
    );
  }
}
