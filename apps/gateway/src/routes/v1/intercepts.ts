import {
  Eligibility,
  Intercept,
  InterceptList,
  InterceptListQuery,
  InterceptRequest,
} from '../../schemas/intercepts.ts';
import { interceptKind } from '../../services/actions/intercept-kind.ts';
import { actionRoutes } from './action-routes.ts';

/** Intercepts: the dry run, creating one, reading one, listing them. */
export const interceptRoutes = actionRoutes({
  kind: interceptKind,
  collection: 'intercepts',
  idPattern: '^icp_[0-9A-Z]{26}$',
  request: InterceptRequest,
  entity: Intercept,
  listQuery: InterceptListQuery,
  list: InterceptList,
  outcomes: (app) => app.metrics.interceptOutcomes,
  eligibility: {
    schema: Eligibility,
    operationId: 'checkInterceptEligibility',
    summary: 'Check whether a parcel can be intercepted now (dry run)',
    description:
      "Reads the parcel's tracking and evaluates the tenant's policy at the carrier. Reports every reason, the likelihood, who would pay and what to do next. Never calls the carrier's intercept.",
  },
  create: {
    operationId: 'createIntercept',
    summary: 'Stop a parcel in transit and send it back to the sender',
    description:
      'Runs policy first: a refusal never reaches the carrier and is answered 422 with every reason. Otherwise calls the carrier within the budget (`Prefer: wait=N` tightens it). 201 when the carrier answered; 202 when the outcome is pending (the carrier decides later, or its answer was lost). Both carry a Location to read its current state, and so does a replay of either (with `Idempotent-Replayed: true`).',
  },
  cancel: {
    operationId: 'cancelIntercept',
    summary: 'Withdraw an intercept the carrier may still act on',
    description:
      "Asks the carrier to cancel a `pending` or `accepted` intercept: 200 `cancelled`, or 202 when the carrier decides later (the request is noted in its history). 409 `not-cancellable` says why it cannot be: the parcel is already on its way back (`already_returning`), the intercept is final (`final_status`), the carrier has no cancel (`carrier_cannot_cancel`), or it refused (`carrier_refused`). A lost answer changes nothing: the intercept's reconciliation reads the outcome.",
  },
  read: {
    operationId: 'getIntercept',
    summary: 'Read an intercept with its transitions and carrier attempts',
  },
  listing: {
    operationId: 'listIntercepts',
    summary: "List the tenant's intercepts, newest first",
    description:
      'Filters by status, carrier, reason, order reference, tracking number, creation time and whether it needs a person (`needsAttention=true`); cursor pagination.',
  },
});
