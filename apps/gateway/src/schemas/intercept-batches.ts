import { Type } from 'typebox';
import { closed } from './common.ts';
import { InterceptRequest, InterceptStatus } from './intercepts.ts';
import { sharedSchema } from './shared-schema.ts';

/** Most items one batch may carry. */
export const MAX_BATCH_ITEMS = 1_000;

const itemExample = {
  carrier: 'sandbox',
  trackingNumber: 'SBX100000016',
  reason: 'merchant_error',
  orderRef: 'TTS-5801',
  pickupMode: 'platform_pickup',
};

/** The body of `POST /v1/intercepts/batch`: intercept requests, each as `POST /v1/intercepts` takes it. */
export const InterceptBatchRequest = sharedSchema(
  'InterceptBatchRequest',
  Type.Object(
    {
      items: Type.Array(InterceptRequest.ref, {
        minItems: 1,
        maxItems: MAX_BATCH_ITEMS,
        description:
          'Each item is the body of `POST /v1/intercepts`. A parcel (carrier and tracking number) may appear once per batch.',
      }),
    },
    {
      ...closed,
      examples: [{ items: [itemExample, { ...itemExample, trackingNumber: 'SBX100000024' }] }],
    },
  ),
);

/** Counts of a batch's items. */
export const InterceptBatchCounts = sharedSchema(
  'InterceptBatchCounts',
  Type.Object(
    {
      total: Type.Integer(),
      queued: Type.Integer({ description: 'Waiting for their turn.' }),
      running: Type.Integer({ description: 'Being sent now.' }),
      done: Type.Integer({ description: 'Finished: counted again below by outcome.' }),
      succeeded: Type.Integer({
        description: 'The carrier took the intercept (accepted, returning or returned).',
      }),
      pending: Type.Integer({ description: 'Sent; the carrier decides later.' }),
      refused: Type.Integer({ description: 'Refused by policy or by the carrier, with reasons.' }),
      failed: Type.Integer({
        description: 'Could not be done (see the problem or the intercept of the item).',
      }),
      cancelled: Type.Integer({ description: 'Intercepts the merchant withdrew since.' }),
    },
    { description: 'Item counts; outcomes follow each intercept as it settles.' },
  ),
);

/** The outcome of one item. */
export const InterceptBatchOutcome = sharedSchema(
  'InterceptBatchOutcome',
  Type.Enum(['succeeded', 'pending', 'refused', 'failed', 'cancelled'] as const, {
    description:
      'succeeded (the carrier took it), pending (it decides later), refused (policy or the carrier said no: see reasons), failed (see problem, or the intercept), cancelled (withdrawn since). Follows the intercept as reconciliation settles it.',
  }),
);

/** One item's result. */
export const InterceptBatchItem = sharedSchema(
  'InterceptBatchItem',
  Type.Object({
    index: Type.Integer({ description: 'Its position in `items` of the request, from 0.' }),
    carrier: Type.String(),
    trackingNumber: Type.String(),
    status: Type.Enum(['queued', 'running', 'done'] as const),
    outcome: Type.Union([InterceptBatchOutcome.ref, Type.Null()], {
      description: 'Null until the item is done.',
    }),
    interceptId: Type.Union([Type.String(), Type.Null()], {
      description: 'The intercept it made (`GET /v1/intercepts/{id}`); null when none was stored.',
    }),
    interceptStatus: Type.Union([InterceptStatus.ref, Type.Null()], {
      description: "The intercept's status now.",
    }),
    reasons: Type.Array(Type.Object({ code: Type.String(), message: Type.String() }), {
      description: 'Why it was refused or failed: policy reason codes, or those of the carrier.',
    }),
    problem: Type.Union(
      [
        Type.Object({
          type: Type.String({ format: 'uri' }),
          status: Type.Integer(),
          detail: Type.String(),
        }),
        Type.Null(),
      ],
      { description: 'The problem a single `POST /v1/intercepts` would have answered, if any.' },
    ),
  }),
);

/** A batch: its progress and one page of its items. */
export const InterceptBatch = sharedSchema(
  'InterceptBatch',
  Type.Object(
    {
      id: Type.String({ examples: ['icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z'] }),
      status: Type.Enum(['running', 'done'] as const),
      counts: InterceptBatchCounts.ref,
      createdAt: Type.String({ format: 'date-time' }),
      completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      items: Type.Array(InterceptBatchItem.ref, {
        description: 'One page of items in index order; empty in the answer to the POST.',
      }),
      nextCursor: Type.Union([Type.String(), Type.Null()], {
        description: 'Pass as `cursor` for the next page of items; null on the last page.',
      }),
    },
    {
      description: 'A bulk intercept: its progress counts and per-item results.',
      examples: [
        {
          id: 'icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
          status: 'running',
          counts: {
            total: 3,
            queued: 1,
            running: 0,
            done: 2,
            succeeded: 1,
            pending: 0,
            refused: 1,
            failed: 0,
            cancelled: 0,
          },
          createdAt: '2026-11-26T09:00:00Z',
          completedAt: null,
          items: [
            {
              index: 0,
              carrier: 'sandbox',
              trackingNumber: 'SBX100000016',
              status: 'done',
              outcome: 'succeeded',
              interceptId: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X4Z',
              interceptStatus: 'accepted',
              reasons: [],
              problem: null,
            },
            {
              index: 1,
              carrier: 'sandbox',
              trackingNumber: 'SBX100000024',
              status: 'done',
              outcome: 'refused',
              interceptId: null,
              interceptStatus: null,
              reasons: [{ code: 'delivered', message: 'The parcel was already delivered.' }],
              problem: {
                type: 'https://parcelgate.dev/problems/not-eligible',
                status: 422,
                detail: 'The parcel cannot be intercepted now: delivered.',
              },
            },
          ],
          nextCursor: 'WyJzZXEiLCIyIl0',
        },
      ],
    },
  ),
);

/** The query of `GET /v1/intercepts/batch/{id}`. */
export const InterceptBatchQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: MAX_BATCH_ITEMS, default: 100 }),
  },
  closed,
);

/** Every batch schema with an `$id`. */
export const INTERCEPT_BATCH_SCHEMAS = [
  InterceptBatchRequest,
  InterceptBatchCounts,
  InterceptBatchOutcome,
  InterceptBatchItem,
  InterceptBatch,
];
