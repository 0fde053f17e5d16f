import type { CarrierCredentials } from '@parcelgate/carrier-kit';
import type { SecretBox } from './secret-box.ts';

/** What a connection's sealed credentials are bound to. */
export interface CredentialOwner {
  readonly id: string;
  readonly tenantId: string;
  readonly carrier: string;
}

/**
 * The authenticated context of a connection's sealed credentials: sealed for one
 * connection of one tenant and carrier, they open nowhere else (a row copied elsewhere, or
 * a tampered tenant id, fails to open).
 */
export function credentialContext(owner: CredentialOwner): string {
  return `parcelgate/carrier-connection/${owner.tenantId}/${owner.carrier}/${owner.id}`;
}

/** Seals a connection's credentials. */
export function sealCredentials(
  box: SecretBox,
  owner: CredentialOwner,
  credentials: CarrierCredentials,
): string {
  return box.seal(JSON.stringify(credentials), credentialContext(owner));
}

/** Opens a connection's credentials. */
export function openCredentials(
  box: SecretBox,
  owner: CredentialOwner,
  sealed: string,
): CarrierCredentials {
  const parsed: unknown = JSON.parse(box.open(sealed, credentialContext(owner)));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`connection ${owner.id} has unreadable credentials`);
  }
  const credentials: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'string') {
      credentials[key] = value;
    }
  }
  return credentials;
}
