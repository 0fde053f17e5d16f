import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { upsError } from './ups-errors.ts';

/** Tokens live 14399 s, as UPS's do (carriers.md §1.2), in simulated time. */
export const UPS_TOKEN_LIFETIME_S = 14_399;

/** The client secret every simulated app has; client ids must start with `ups-sim-`. */
export const UPS_SIM_CLIENT_SECRET = 'ups-sim-secret';
/** A valid app whose merchant UPS blocks (403 "Blocked Merchant"). */
export const UPS_SIM_BLOCKED_CLIENT = 'ups-sim-blocked';

interface IssuedToken {
  readonly clientId: string;
  readonly expiresAt: number;
}

const tokensOf = (world: CarrierWorld) =>
  world.moduleState('ups:tokens', () => new Map<string, IssuedToken>());

const INVALID_CLIENT = upsError(401, '250002', 'Invalid Authentication Information.');
const BLOCKED = upsError(403, '250003', 'Blocked Merchant');
const NO_TOKEN = upsError(401, 'UJ0001', 'Invalid token or token is not present.');
const EXPIRED = upsError(401, '251004', 'Bearer Token expired');
const BAD_GRANT = upsError(400, '10400', 'Invalid or missing grant_type');
const BASIC = /^basic\s+(\S+)$/i;
const BEARER = /^bearer\s+(\S+)$/i;

/**
 * `POST /security/v1/oauth/token` (OAuthClientCredentials.yaml): HTTP Basic client
 * credentials and the form `grant_type=client_credentials`. Issues a random token that
 * expires {@link UPS_TOKEN_LIFETIME_S} simulated seconds later, kept in the world's
 * module state (so a reset forgets every token).
 */
export function handleUpsToken(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const encoded = BASIC.exec(request.headers.authorization ?? '')?.[1];
  const [clientId = '', secret = ''] = Buffer.from(encoded ?? '', 'base64')
    .toString('utf8')
    .split(/:(.*)/s);
  if (!clientId.startsWith('ups-sim-') || secret !== UPS_SIM_CLIENT_SECRET) {
    return INVALID_CLIENT;
  }
  if (clientId === UPS_SIM_BLOCKED_CLIENT) {
    return BLOCKED;
  }
  const form = new URLSearchParams(request.body.toString('utf8'));
  if (form.get('grant_type') !== 'client_credentials') {
    return BAD_GRANT;
  }
  const accessToken = randomBytes(24).toString('base64url');
  const now = world.now();
  tokensOf(world).set(accessToken, { clientId, expiresAt: now + UPS_TOKEN_LIFETIME_S * 1000 });
  return jsonResponse(200, {
    token_type: 'Bearer',
    issued_at: String(now),
    client_id: clientId,
    access_token: accessToken,
    scope: '',
    expires_in: String(UPS_TOKEN_LIFETIME_S),
    refresh_count: '0',
    status: 'approved',
  });
}

/**
 * Checks `Authorization: Bearer <token>` on an API call: unknown or missing tokens get
 * UPS's 401 `UJ0001`, tokens past their simulated expiry `251004`. Answers the account,
 * which is the OAuth client id the token was issued to, or the error to send (a string
 * is the account, so the hot path allocates nothing).
 */
export function authenticateUps(
  headers: IncomingHttpHeaders,
  world: CarrierWorld,
): string | CarrierResponse {
  const token = BEARER.exec(headers.authorization ?? '')?.[1];
  const issued = token === undefined ? undefined : tokensOf(world).get(token);
  if (issued === undefined) {
    return NO_TOKEN;
  }
  return issued.expiresAt <= world.now() ? EXPIRED : issued.clientId;
}
