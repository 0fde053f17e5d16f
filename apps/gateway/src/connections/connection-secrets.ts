import { randomBytes } from 'node:crypto';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { ConfigError } from '../config/load-config.ts';
import {
  hasLiveConnections,
  listConnectionsSealedWith,
  resealConnection,
} from '../store/connections.ts';
import type { Database } from '../store/database.ts';
import {
  listWebhookEndpointsSealedWith,
  resealWebhookSecrets,
} from '../store/webhook-endpoints.ts';
import { credentialContext } from './sealed-credentials.ts';
import { webhookSecretContext } from './sealed-webhook-secrets.ts';
import { parseSecretKey, SECRET_KEY_BYTES, SecretBox } from './secret-box.ts';

/** How stored carrier credentials are sealed in this deployment. */
export interface ConnectionSecrets {
  readonly box: SecretBox;
  /**
   * Whether the key came from `PARCELGATE_SECRET_KEY`. Without it the key is a development
   * key kept in the database itself, good enough for test connections only: live
   * connections are refused, and so is a live deployment's start.
   */
  readonly keyConfigured: boolean;
}

const DEVELOPMENT_KEY = 'development_secret_key';

/**
 * Opens the deployment's secret box. With `PARCELGATE_SECRET_KEY` that key seals; without
 * it a development key is created once in the database (so replicas and restarts agree)
 * and the deployment must not be live: when any shared carrier account targets the
 * carrier's production, or a live connection is stored, start is refused. Connections
 * sealed with the development key are re-sealed with a configured key on the first start
 * that has one.
 */
export async function openConnectionSecrets(
  database: Database,
  configuredKey: Buffer | undefined,
  sharedAccounts: readonly RegisteredCarrier[],
): Promise<ConnectionSecrets> {
  const development = await developmentKey(database);
  if (configuredKey === undefined) {
    const live = sharedAccounts
      .filter((carrier) => carrier.settings.target === 'production')
      .map((carrier) => carrier.definition.id);
    const problems = [
      ...(live.length > 0
        ? [
            `PARCELGATE_SECRET_KEY is required: ${live.join(', ')} use real credentials (a live deployment)`,
          ]
        : []),
      ...((await hasLiveConnections(database))
        ? ['PARCELGATE_SECRET_KEY is required: live carrier connections are stored']
        : []),
    ];
    if (problems.length > 0) {
      throw new ConfigError(problems);
    }
    return { box: development, keyConfigured: false };
  }
  const box = new SecretBox(configuredKey);
  if (box.keyId !== development.keyId) {
    for (const connection of await listConnectionsSealedWith(database, development.keyId)) {
      const context = credentialContext(connection);
      await resealConnection(
        database,
        connection.id,
        box.seal(development.open(connection.sealedCredentials, context), context),
      );
    }
    for (const endpoint of await listWebhookEndpointsSealedWith(database, development.keyId)) {
      // Webhook signing secrets are sealed with the same box: they move to the key too.
      const context = webhookSecretContext(endpoint);
      const reseal = (sealed: string) =>
        sealed.startsWith(`v1.${development.keyId}.`)
          ? box.seal(development.open(sealed, context), context)
          : sealed;
      await resealWebhookSecrets(database, endpoint.id, {
        secret: reseal(endpoint.sealedSecret),
        previous:
          endpoint.previousSealedSecret === null ? null : reseal(endpoint.previousSealedSecret),
      });
    }
  }
  return { box, keyConfigured: true };
}

/** The development key, made once: the first writer wins, every replica reads the same. */
async function developmentKey(database: Database): Promise<SecretBox> {
  await database.query(
    'INSERT INTO gateway_settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
    [DEVELOPMENT_KEY, randomBytes(SECRET_KEY_BYTES).toString('hex')],
  );
  const [row] = await database.query<{ value: string }>(
    'SELECT value FROM gateway_settings WHERE name = $1',
    [DEVELOPMENT_KEY],
  );
  const key = row === undefined ? undefined : parseSecretKey(row.value);
  if (key === undefined) {
    throw new Error('the development secret key in gateway_settings is unreadable');
  }
  return new SecretBox(key);
}
