import { Type } from 'typebox';
import { EVENT_TYPES } from '../policy/event-types.ts';
import { sharedSchema } from './shared-schema.ts';

/** An event id, `evt_` and a ULID. */
export const EventId = Type.String({
  pattern: '^evt_[0-9A-Z]{26}$',
  examples: ['evt_01JD3K9V7Q8M2N4P6R8T0V2X4Z'],
});

/** Every event type (policy/event-types.ts is the one table). */
export const EventType = sharedSchema(
  'EventType',
  Type.Enum(EVENT_TYPES, { description: 'What happened (docs/events.md lists them).' }),
);

/** The event schemas the others refer to, registered first. */
export const EVENT_FIELD_SCHEMAS = [EventType];
