import { createHash, timingSafeEqual } from 'node:crypto';
import {
  CarrierAuthenticationError,
  type CarrierCallbackContext,
  type CarrierCallbackRequest,
} from '@parcelgate/carrier-kit';
import type { UpsCredentials } from './ups-credentials.ts';
import { UPS_CARRIER_ID } from './ups-ids.ts';

const BEARER = /^bearer\s+(.+)$/i;

/**
 * Checks that a Track Alert push comes from UPS, before its body is read.
 *
 * UPS signs nothing: Track Alert authenticates to the receiver with a credential the
 * receiver chose. v2 (UPSTrackAlert.yaml, webhooks.TrackingEvent, security
 * `clientOauth2`) sends `Authorization: Bearer <token>` from the token generator set up
 * under "Manage Webhook Credentials", with that client's id in `x-api-key`; v1 sent the
 * subscription's opaque `credential` header. Both are accepted: the presented value must
 * equal `CARRIER_UPS_WEBHOOK_CREDENTIAL`, and `x-api-key` must equal
 * `CARRIER_UPS_WEBHOOK_CLIENT_ID` when that is set. Comparisons are constant-time over
 * SHA-256 digests, so neither the value nor its length leaks through timing.
 */
export function verifyUpsPush(ctx: CarrierCallbackContext, request: CarrierCallbackRequest): void {
  const { webhookCredential, webhookClientId } = ctx.credentials as Partial<UpsCredentials>;
  if (webhookCredential === undefined || webhookCredential === '') {
    throw refuse('no webhook credential is configured (CARRIER_UPS_WEBHOOK_CREDENTIAL)');
  }
  const presented = presentedCredential(request.headers);
  if (presented === undefined) {
    throw refuse('the push carries no credential (Authorization: Bearer or credential header)');
  }
  if (!constantTimeEqual(presented, webhookCredential)) {
    throw refuse('the push credential does not match');
  }
  if (webhookClientId !== undefined && webhookClientId !== '') {
    const apiKey = request.headers['x-api-key'];
    if (apiKey === undefined || !constantTimeEqual(apiKey, webhookClientId)) {
      throw refuse('the push x-api-key does not match the configured webhook client id');
    }
  }
}

function presentedCredential(
  headers: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const bearer = BEARER.exec(headers.authorization?.trim() ?? '')?.[1]?.trim();
  if (bearer !== undefined && bearer !== '') {
    return bearer;
  }
  const credential = headers.credential?.trim();
  return credential === undefined || credential === '' ? undefined : credential;
}

/** Equal strings, compared in constant time whatever their lengths. */
export function constantTimeEqual(left: string, right: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(left), digest(right));
}

function refuse(reason: string): CarrierAuthenticationError {
  return new CarrierAuthenticationError({
    carrierId: UPS_CARRIER_ID,
    message: `ups push refused: ${reason}`,
  });
}
