import type { PolicyReason, PolicyReasonCode, PolicyWarningCode } from './codes.ts';
import type { Likelihood, RuleSeverity } from './policy-types.ts';

/** A code that is a reason or a warning depending on its rule's severity. */
export type GradedCode = PolicyReasonCode & PolicyWarningCode;

/**
 * What the rules found about one parcel: every reason and warning (never only the first),
 * and whether a warning lowered the odds.
 */
export class Findings {
  readonly reasons: PolicyReason<PolicyReasonCode>[] = [];
  readonly warnings: PolicyReason<PolicyWarningCode>[] = [];
  #lowered = false;

  /** A fact that blocks the operation whatever the policy says. */
  refuse(reason: PolicyReason<PolicyReasonCode>): void {
    this.reasons.push(reason);
  }

  /** A fact the merchant should know that does not change the odds. */
  note(warning: PolicyReason<PolicyWarningCode>): void {
    this.warnings.push(warning);
  }

  /** A rule's finding: a reason where its severity is `refuse`, else a warning that lowers the odds. */
  apply(severity: RuleSeverity, finding: PolicyReason<GradedCode>): void {
    if (severity === 'refuse') {
      this.reasons.push(finding);
    } else {
      this.warnings.push(finding);
      this.#lowered = true;
    }
  }

  /** Eligible when nothing refuses. */
  get eligible(): boolean {
    return this.reasons.length === 0;
  }

  /** `none` when not eligible, `low` when a warning lowered the odds, else `high`. */
  get likelihood(): Likelihood {
    if (!this.eligible) {
      return 'none';
    }
    return this.#lowered ? 'low' : 'high';
  }
}
