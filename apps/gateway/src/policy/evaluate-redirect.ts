import type { ExceptionSubStatus, FeePolicy, NormalizedStatus } from '@parcelgate/carrier-kit';
import { DEFAULT_POLICY } from './defaults.ts';
import { assessChargedRedirectFee, freeRedirectFee } from './fees.ts';
import { Findings } from './findings.ts';
import { nextActionsFor } from './next-actions.ts';
import type { EffectiveRedirectPolicy, PickupMode, PolicyEvaluation } from './policy-types.ts';
import { applyStatusRules } from './status-window.ts';

/** Everything a redirect eligibility answer depends on. */
export interface RedirectEvaluationInput {
  readonly status: NormalizedStatus;
  readonly subStatus?: ExceptionSubStatus;
  /** The tenant's policy at this carrier; `undefined` when the carrier has no redirect API. */
  readonly policy: EffectiveRedirectPolicy | undefined;
  /** The carrier's fee policy (`capabilities.redirect.fees`), for redirects beyond the free ones. */
  readonly feePolicy?: FeePolicy;
  /**
   * Accepted so callers can pass the same context as for intercepts; the domain's redirect
   * rule (one free per order, then charged) does not depend on it.
   */
  readonly pickupMode?: PickupMode;
  /** Redirects of this order already made (not rejected), across all its parcels. */
  readonly redirectsUsedForOrder: number;
}

/**
 * Whether a parcel can be redirected now, with every reason and warning, and who pays: the
 * platform within the order's free redirects (domain: one), then the merchant, or a refusal
 * where the tenant's policy says so. The status rules answer by the tenant's severities.
 */
export function evaluateRedirect(input: RedirectEvaluationInput): PolicyEvaluation {
  const { policy } = input;
  const findings = new Findings();

  if (policy === undefined) {
    findings.refuse({
      code: 'operation_not_supported',
      message: 'this carrier offers no redirect API',
    });
  }
  applyStatusRules(findings, 'redirect', input, policy);
  // Without a redirect API the fee is still answered, as the domain's rule would set it.
  const freePerOrder = policy?.freePerOrder ?? DEFAULT_POLICY.redirect.freePerOrder;
  const freeUsed = input.redirectsUsedForOrder >= freePerOrder;
  if (policy !== undefined && freeUsed) {
    const used = `the platform pays for ${policy.freePerOrder} redirect(s) per order and this order has had ${input.redirectsUsedForOrder}`;
    if (policy.whenFreeUsed === 'refuse') {
      findings.refuse({
        code: 'free_redirect_used',
        message: `${used}, and this tenant's policy refuses paid redirects`,
      });
    } else {
      findings.note({
        code: 'free_redirect_used',
        message: `${used}: this redirect is charged to the merchant`,
      });
    }
  }

  const { eligible, reasons } = findings;
  return {
    eligible,
    likelihood: findings.likelihood,
    reasons,
    warnings: findings.warnings,
    fee: freeUsed ? assessChargedRedirectFee(input.feePolicy) : freeRedirectFee(freePerOrder),
    // A successful redirect needs no follow-up; a blocked one gets the same advice as an
    // intercept blocked for the same reasons, for an address error.
    nextActions: eligible
      ? []
      : nextActionsFor({
          kind: 'not_eligible',
          reason: 'address_error',
          codes: reasons.map((reason) => reason.code),
        }),
  };
}
