import { CARRIER_SCHEMAS } from './carriers.ts';
import { COMMON_SCHEMAS } from './common.ts';
import { CONNECTION_SCHEMAS } from './connections.ts';
import { EVENT_FIELD_SCHEMAS } from './event-fields.ts';
import { EVENT_SCHEMAS } from './events.ts';
import { INTERCEPT_BATCH_SCHEMAS } from './intercept-batches.ts';
import { INTERCEPT_SCHEMAS } from './intercepts.ts';
import { ORDER_EVENT_SCHEMAS } from './order-events.ts';
import { PARCEL_SCHEMAS } from './parcels.ts';
import { POLICY_SCHEMAS } from './policy.ts';
import { REDIRECT_SCHEMAS } from './redirects.ts';
import { RULE_SCHEMAS } from './rules.ts';
import { TRACKING_SCHEMAS } from './tracking.ts';
import { WEBHOOK_SCHEMAS } from './webhooks.ts';

/** Every shared schema, in dependency order, for `addSchema`. */
export const ALL_SCHEMAS = [
  ...COMMON_SCHEMAS,
  ...CARRIER_SCHEMAS,
  ...TRACKING_SCHEMAS,
  ...INTERCEPT_SCHEMAS,
  ...INTERCEPT_BATCH_SCHEMAS,
  ...REDIRECT_SCHEMAS,
  ...POLICY_SCHEMAS,
  ...CONNECTION_SCHEMAS,
  ...PARCEL_SCHEMAS,
  ...EVENT_FIELD_SCHEMAS,
  ...WEBHOOK_SCHEMAS,
  ...RULE_SCHEMAS,
  ...ORDER_EVENT_SCHEMAS,
  ...EVENT_SCHEMAS,
];
