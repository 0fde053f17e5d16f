import { Type } from 'typebox';
import { sampleCarrier } from './examples.ts';
import { sharedSchema } from './shared-schema.ts';

const windowSchema = Type.Object({
  highLikelihood: Type.Array(Type.String()),
  lowLikelihood: Type.Array(Type.String()),
});

const actionCapabilitySchema = {
  window: windowSchema,
  fees: Type.Object({ kind: Type.String() }),
  outcome: Type.Union([Type.Literal('synchronous'), Type.Literal('asynchronous')]),
  safeToRetry: Type.Boolean(),
};

const circuitState = Type.Union(
  [Type.Literal('closed'), Type.Literal('open'), Type.Literal('half_open')],
  {
    description:
      'closed: calls flow; open: the carrier keeps failing and calls are refused at once (503 circuit-open); half_open: a probe is testing whether it recovered.',
  },
);

const requestOption = Type.Object(
  {
    key: Type.String({ examples: ['com'] }),
    description: Type.String(),
    operations: Type.Array(Type.String(), {
      description: 'The operations (track, intercept, redirect) whose requests may carry it.',
      examples: [['track', 'intercept', 'redirect']],
    }),
    pattern: Type.Optional(
      Type.String({
        description: 'A regular expression (ECMAScript, u flag) the whole value must match.',
        examples: ['^[A-Za-z0-9_]{2,40}$'],
      }),
    ),
    values: Type.Optional(Type.Array(Type.String(), { description: 'The only values allowed.' })),
    example: Type.Optional(Type.String({ examples: ['zhongtong'] })),
  },
  { description: 'One key a request may set in `carrierOptions`.' },
);

/** Whether one operation can be asked of a carrier through the API, and if not why and where. */
export const OperationAvailability = sharedSchema(
  'OperationAvailability',
  Type.Union(
    [
      Type.Object({
        byApi: Type.Literal(true),
        maxPerCall: Type.Optional(
          Type.Integer({
            minimum: 1,
            description: 'For bulkTracking: the most parcels one carrier call reads.',
          }),
        ),
      }),
      Type.Object({
        byApi: Type.Literal(false),
        reason: Type.String({
          description:
            'Why not, and where a person can do it when the carrier offers it elsewhere; "not offered by this carrier" when it offers it nowhere.',
          examples: [
            'USPS Package Intercept is offered only on usps.com and the Business Customer Gateway',
          ],
        }),
        url: Type.Optional(
          Type.String({
            description: "The carrier's page where the operation can be done by hand.",
          }),
        ),
      }),
    ],
    {
      description:
        'Whether the operation is available by API; when not, why and where. An intercept or redirect not available by API answers 422 operation-not-supported and never calls the carrier.',
      examples: [
        { byApi: true },
        { byApi: false, reason: 'not offered by this carrier' },
        {
          byApi: false,
          reason: 'Package Intercept is offered only on usps.com',
          url: 'https://www.usps.com/manage/package-intercept.htm',
        },
      ],
    },
  ),
);

const availabilitySchema = Type.Object(
  {
    track: OperationAvailability.ref,
    intercept: OperationAvailability.ref,
    redirect: OperationAvailability.ref,
    cancelIntercept: OperationAvailability.ref,
    cancelRedirect: OperationAvailability.ref,
    feeQuote: OperationAvailability.ref,
    bulkTracking: OperationAvailability.ref,
  },
  {
    description:
      'Per operation, whether it is available by API, and when not, why and where (from the adapter), or "not offered by this carrier".',
  },
);

/** A loaded carrier and what it can do. */
export const Carrier = sharedSchema(
  'Carrier',
  Type.Object(
    {
      id: Type.String({ examples: ['sandbox'] }),
      displayName: Type.String(),
      operations: Type.Array(Type.String(), { examples: [['track', 'intercept', 'redirect']] }),
      availability: availabilitySchema,
      target: Type.Union(
        [
          Type.Literal('simulator'),
          Type.Literal('test'),
          Type.Literal('production'),
          Type.Literal('custom'),
        ],
        {
          description:
            "Where the deployment's shared account sends calls: simulator until real credentials are configured (`CARRIER_<ID>_*`), custom when a base URL is moved. A tenant's own connections (`/v1/carrier-connections`) have their own mode.",
        },
      ),
      credentialFields: Type.Array(
        Type.Object({
          key: Type.String({ examples: ['clientId'] }),
          description: Type.String(),
          secret: Type.Boolean({ description: 'Secrets are never shown again once stored.' }),
          required: Type.Boolean(),
        }),
        {
          description:
            'What a carrier connection (POST /v1/carrier-connections) of this carrier sends in `credentials`.',
        },
      ),
      capabilities: Type.Object({
        intercept: Type.Optional(
          Type.Object({
            ...actionCapabilitySchema,
            declaredValueLimits: Type.Array(
              Type.Object({ amount: Type.String(), currency: Type.String() }),
            ),
            excludedCategories: Type.Array(Type.String()),
          }),
        ),
        redirect: Type.Optional(
          Type.Object({ ...actionCapabilitySchema, freePerOrder: Type.Integer() }),
        ),
        proofOfDelivery: Type.Boolean(),
        callbacks: Type.Boolean(),
      }),
      requestOptions: Type.Array(requestOption, {
        description:
          'What requests may set in `carrierOptions`, per operation; empty when nothing. Any other key, or a value failing `pattern` or `values`, is a 400 validation-failed naming `/carrierOptions/<key>`. Who pays and where parcels go are settings of the carrier connection, never request options.',
      }),
      circuits: Type.Object(
        {
          track: circuitState,
          intercept: Type.Optional(circuitState),
          redirect: Type.Optional(circuitState),
        },
        { description: "This gateway process's circuit breaker per supported operation." },
      ),
    },
    { description: 'A loaded carrier and what it can do.', examples: [sampleCarrier] },
  ),
);

/** The loaded carriers. */
export const CarrierList = sharedSchema(
  'CarrierList',
  Type.Object(
    { data: Type.Array(Carrier.ref) },
    { description: 'The loaded carriers.', examples: [{ data: [sampleCarrier] }] },
  ),
);

const detectionFields = {
  confidence: Type.Union([Type.Literal('verified'), Type.Literal('format')], {
    description:
      'verified: the format and its check digit agree; format: only the shape matches (formats overlap between carriers).',
  }),
  carrierOptions: Type.Optional(
    Type.Record(Type.String(), Type.String(), {
      description:
        "What tracking there needs, from the detection (an aggregator's company, e.g. Kuaidi100's `com`).",
      examples: [{ com: 'jtexpress' }],
    }),
  ),
};

/** How `carrier=auto` chose the carrier that answered. */
export const Detection = sharedSchema(
  'Detection',
  Type.Object(detectionFields, {
    description:
      'Present when the carrier was detected (`carrier=auto`): how sure, and with which options.',
    examples: [{ confidence: 'format', carrierOptions: { com: 'jtexpress' } }],
  }),
);

/** The carriers a tracking number could belong to. */
export const DetectedCarriers = sharedSchema(
  'DetectedCarriers',
  Type.Object(
    {
      trackingNumber: Type.String(),
      candidates: Type.Array(
        Type.Object({
          carrier: Type.String({ examples: ['kuaidi100'] }),
          displayName: Type.String(),
          ...detectionFields,
        }),
        {
          description:
            'Best first: verified before format, then in the order the carriers are loaded. Empty when no loaded carrier recognises the number. `carrier=auto` asks the best candidates (at most 3 of one confidence) at once and answers from the first that finds the parcel.',
        },
      ),
    },
    {
      description: 'The loaded carriers whose formats a tracking number matches, offline.',
      examples: [
        {
          trackingNumber: 'JT1234567890123',
          candidates: [
            {
              carrier: 'kuaidi100',
              displayName: 'Kuaidi100',
              confidence: 'format',
              carrierOptions: { com: 'jtexpress' },
            },
          ],
        },
      ],
    },
  ),
);

/** Every carrier schema with an `$id`. */
export const CARRIER_SCHEMAS = [
  OperationAvailability,
  Detection,
  DetectedCarriers,
  Carrier,
  CarrierList,
];
