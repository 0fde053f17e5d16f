import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { fedexError } from './fedex-errors.ts';

/** Tokens live 3599 s, as FedEx's do ("regenerated after every 60 minutes"), in simulated time. */
export const FEDEX_TOKEN_LIFETIME_S = 3599;

/** The client secret every simulated project has; client ids must start with `fedex-sim-`. */
export const FEDEX_SIM_CLIENT_SECRET = 'fedex-sim-secret';

interface IssuedToken {
  readonly clientId: string;
  readonly expiresAt: number;
}

const tokensOf = (world: CarrierWorld) =>
  world.moduleState('fedex:tokens', () => new Map<string, IssuedToken>());

const INVALID_CLIENT = fedexError(
  401,
  'NOT.AUTHORIZED.ERROR',
  'The given client credentials were not valid. Please modify your request and try again.',
);
const BAD_GRANT = fedexError(
  400,
  'BAD.REQUEST.ERROR',
  'Missing or duplicate parameters. Please modify your request and try again.',
);
const EXPIRED = fedexError(
  401,
  'NOT.AUTHORIZED.ERROR',
  'Access token expired. Please modify your request and try again.',
);
const BEARER = /^bearer\s+(\S+)$/i;

/**
 * `POST /oauth/token`: the form `grant_type=client_credentials&client_id&client_secret`.
 * Issues a random token that expires {@link FEDEX_TOKEN_LIFETIME_S} simulated seconds
 * later, kept in the world's module state (so a reset forgets every token).
 */
export function handleFedexToken(request: CarrierRequest, world: CarrierWorld): CarrierResponse {
  const form = new URLSearchParams(request.body.toString('utf8'));
  if (form.get('grant_type') !== 'client_credentials') {
    return BAD_GRANT;
  }
  const clientId = form.get('client_id') ?? '';
  if (!clientId.startsWith('fedex-sim-') || form.get('client_secret') !== FEDEX_SIM_CLIENT_SECRET) {
    return INVALID_CLIENT;
  }
  const accessToken = randomBytes(24).toString('base64url');
  tokensOf(world).set(accessToken, {
    clientId,
    expiresAt: world.now() + FEDEX_TOKEN_LIFETIME_S * 1000,
  });
  return jsonResponse(200, {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: FEDEX_TOKEN_LIFETIME_S,
    scope: 'CXS',
  });
}

/**
 * Checks `Authorization: Bearer <token>`: unknown, missing or expired tokens get FedEx's
 * 401 `NOT.AUTHORIZED.ERROR`. Answers the account (the client id the token was issued
 * to), or the error to send.
 */
export function authenticateFedex(
  headers: IncomingHttpHeaders,
  world: CarrierWorld,
): string | CarrierResponse {
  const token = BEARER.exec(headers.authorization ?? '')?.[1];
  const issued = token === undefined ? undefined : tokensOf(world).get(token);
  if (issued === undefined || issued.expiresAt <= world.now()) {
    return EXPIRED;
  }
  return issued.clientId;
}
