import {
  Redirect,
  RedirectList,
  RedirectListQuery,
  RedirectRequest,
} from '../../schemas/redirects.ts';
import { redirectKind } from '../../services/actions/redirect-kind.ts';
import { actionRoutes } from './action-routes.ts';

/** Redirects: deliver a parcel in transit to a new address. */
export const redirectRoutes = actionRoutes({
  kind: redirectKind,
  collection: 'redirects',
  idPattern: '^rdr_[0-9A-Z]{26}$',
  request: RedirectRequest,
  entity: Redirect,
  listQuery: RedirectListQuery,
  list: RedirectList,
  outcomes: (app) => app.metrics.redirectOutcomes,
  create: {
    operationId: 'createRedirect',
    summary: 'Deliver a parcel in transit to a new address',
    description:
      "The platform pays for one redirect per order; the next one is charged to the merchant (warning free_redirect_used) or refused, as the tenant's policy says. 201 when the carrier answered, 202 when the outcome is pending; both carry a Location to read its current state, and so does a replay of either (with `Idempotent-Replayed: true`).",
  },
  cancel: {
    operationId: 'cancelRedirect',
    summary: 'Withdraw a redirect the carrier may still act on',
    description:
      "Asks the carrier to cancel a `pending` or `accepted` redirect: 200 `cancelled` (the order's free redirect is given back), or 202 when the carrier decides later. 409 `not-cancellable` says why it cannot be (`final_status`, `carrier_cannot_cancel`, `carrier_refused`).",
  },
  read: {
    operationId: 'getRedirect',
    summary: 'Read a redirect with its transitions and carrier attempts',
  },
  listing: {
    operationId: 'listRedirects',
    summary: "List the tenant's redirects, newest first",
  },
});
