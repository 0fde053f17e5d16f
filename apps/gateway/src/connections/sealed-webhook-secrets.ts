import type { SecretBox } from './secret-box.ts';

/** What an endpoint's sealed secrets are bound to. */
export interface WebhookSecretOwner {
  readonly id: string;
  readonly tenantId: string;
}

/**
 * The authenticated context of an endpoint's sealed secrets: they open for that endpoint of
 * that tenant only, like carrier credentials (sealed-credentials.ts).
 */
export function webhookSecretContext(owner: WebhookSecretOwner): string {
  return `parcelgate/webhook-endpoint/${owner.tenantId}/${owner.id}`;
}

/** Seals an endpoint's signing secret (`whsec_…`). */
export function sealWebhookSecret(
  box: SecretBox,
  owner: WebhookSecretOwner,
  secret: string,
): string {
  return box.seal(secret, webhookSecretContext(owner));
}

/**
 * The secrets an endpoint's deliveries are signed with at `now`: its secret, and the one
 * it replaced while the rotation's overlap lasts (receivers holding either verify).
 */
export function openWebhookSecrets(
  box: SecretBox,
  endpoint: WebhookSecretOwner & {
    readonly sealedSecret: string;
    readonly previousSealedSecret: string | null;
    readonly previousSecretExpiresAt: Date | null;
  },
  now: Date,
): string[] {
  const context = webhookSecretContext(endpoint);
  const secrets = [box.open(endpoint.sealedSecret, context)];
  if (
    endpoint.previousSealedSecret !== null &&
    endpoint.previousSecretExpiresAt !== null &&
    endpoint.previousSecretExpiresAt.getTime() > now.getTime()
  ) {
    secrets.push(box.open(endpoint.previousSealedSecret, context));
  }
  return secrets;
}
