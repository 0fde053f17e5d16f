import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { parseJsonObject } from '../parse-json-body.ts';
import { uspsError } from './usps-errors.ts';

/** Tokens live 8 hours less a second, as USPS's do, in simulated time. */
export const USPS_TOKEN_LIFETIME_S = 28_799;
/** The client secret every simulated app has; client ids must start with `usps-sim-`. */
export const USPS_SIM_CLIENT_SECRET = 'usps-sim-secret';

interface IssuedToken {
  readonly clientId: string;
  readonly expiresAt: number;
}

const tokensOf = (world: CarrierWorld) =>
  world.moduleState('usps:tokens', () => new Map<string, IssuedToken>());

const INVALID_CLIENT = jsonResponse(401, {
  error: 'invalid_client',
  error_description: 'Invalid client credentials',
});
const BAD_GRANT = jsonResponse(400, {
  error: 'unsupported_grant_type',
  error_description: 'grant_type must be client_credentials',
});
const INVALID_TOKEN = uspsError(401, 'The client application identifier is invalid.');
const BEARER = /^bearer\s+(\S+)$/i;

/**
 * `POST /oauth2/v3/token` with a JSON body `{ client_id, client_secret, grant_type }`
 * (USPS/api-examples README). Issues a random token that expires
 * {@link USPS_TOKEN_LIFETIME_S} simulated seconds later; `expires_in` is a string, as in
 * USPS's examples.
 */
export function handleUspsToken(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const body = parseJsonObject(request.body);
  if (!body.ok) {
    return jsonResponse(400, { error: 'invalid_request', error_description: body.message });
  }
  const { client_id: clientId, client_secret: secret, grant_type: grant } = body.value;
  if (
    typeof clientId !== 'string' ||
    !clientId.startsWith('usps-sim-') ||
    secret !== USPS_SIM_CLIENT_SECRET
  ) {
    return INVALID_CLIENT;
  }
  if (grant !== 'client_credentials') {
    return BAD_GRANT;
  }
  const accessToken = randomBytes(24).toString('base64url');
  const now = world.now();
  tokensOf(world).set(accessToken, { clientId, expiresAt: now + USPS_TOKEN_LIFETIME_S * 1000 });
  return jsonResponse(200, {
    access_token: accessToken,
    token_type: 'Bearer',
    issued_at: String(now),
    expires_in: String(USPS_TOKEN_LIFETIME_S),
    status: 'approved',
    scope: 'addresses service-delivery-standards locations prices tracking labels',
    issuer: 'https://keyc.usps.com/realms/USPS',
    client_id: clientId,
    application_name: 'carrier-sim',
  });
}

/**
 * Checks `Authorization: Bearer <token>`: unknown, missing or expired tokens get USPS's
 * 401. Answers the client id the token was issued to, or the error to send.
 */
export function authenticateUsps(
  headers: IncomingHttpHeaders,
  world: CarrierWorld,
): string | CarrierResponse {
  const token = BEARER.exec(headers.authorization ?? '')?.[1];
  const issued = token === undefined ? undefined : tokensOf(world).get(token);
  if (issued === undefined || issued.expiresAt <= world.now()) {
    return INVALID_TOKEN;
  }
  return issued.clientId;
}
