import type { OrderRule } from './order-rules.ts';

/**
 * The rules a tenant without any of its own runs (docs/automation.md), as the domain
 * advises: a refund or cancellation requested for a parcel in the intercept window is
 * intercepted, before the marketplace refunds the buyer by itself; an address change is
 * redirected while the order's free redirect is unused (the redirect pipeline's own policy
 * says when it is gone). Returns and damage reports start nothing: they are recorded,
 * watched and announced.
 */
export const DEFAULT_RULES: readonly OrderRule[] = [
  {
    id: 'default:intercept-on-refund-or-cancellation',
    name: 'Intercept a parcel in the window when the buyer asks for a refund or cancels',
    enabled: true,
    when: {
      eventTypes: ['refund_requested', 'cancellation_requested'],
      parcelStatus: { window: 'intercept' },
    },
    do: 'intercept',
  },
  {
    id: 'default:redirect-on-address-change',
    name: 'Redirect a parcel in the window when the buyer changes the address',
    enabled: true,
    when: { eventTypes: ['address_change_requested'], parcelStatus: { window: 'redirect' } },
    do: 'redirect',
  },
  {
    id: 'default:notify-on-return-or-damage',
    name: 'Record and announce a return request or a damage report',
    enabled: true,
    when: { eventTypes: ['return_requested', 'damage_reported'] },
    do: 'notify',
  },
];
