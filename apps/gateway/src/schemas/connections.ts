import { Type } from 'typebox';
import { CarrierId, closed } from './common.ts';
import { sampleConnection } from './examples.ts';
import { sharedSchema } from './shared-schema.ts';

/** A connection id, `con_` and a ULID. */
export const ConnectionId = Type.String({
  pattern: '^con_[0-9A-Z]{26}$',
  examples: ['con_01JD3K9V7Q8M2N4P6R8T0V2X4Z'],
});

const Mode = Type.Union([Type.Literal('test'), Type.Literal('live')], {
  description:
    "test: the carrier's test environment (the Parcelgate simulator for carriers without one); live: the carrier's production API. Live connections need PARCELGATE_SECRET_KEY on the deployment.",
});

const Label = Type.String({ minLength: 1, maxLength: 100, examples: ['UPS US main account'] });

/** Credential values as sent: field names are the carrier's (see GET /v1/carriers). */
const CredentialValues = Type.Record(
  Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{0,63}$' }),
  Type.String({ maxLength: 4096 }),
  {
    description:
      "The carrier's credential fields by key (`credentialFields` in GET /v1/carriers). Stored sealed (AES-256-GCM); never returned.",
    examples: [{ apiKey: 'sbx_acme_live_key' }],
  },
);

/** What the API shows of one stored credential field. */
const CredentialHint = Type.Union([
  Type.Object(
    { secret: Type.Literal(false), value: Type.String() },
    {
      description:
        'A setting the carrier declares not secret (account number, address), as stored.',
    },
  ),
  Type.Object(
    {
      secret: Type.Literal(true),
      hint: Type.String({
        examples: ['••••3f9a'],
        description: 'The last four characters of a secret of 12 or more, else nothing.',
      }),
    },
    { description: 'A secret: only a masked hint is ever shown.' },
  ),
]);

/** A tenant's own account at a carrier. */
export const CarrierConnection = sharedSchema(
  'CarrierConnection',
  Type.Object(
    {
      id: ConnectionId,
      carrier: CarrierId,
      label: Label,
      mode: Mode,
      isDefault: Type.Boolean({
        description:
          "Whether the tenant's tracking reads, intercepts and redirects at this carrier go through this connection (one default per carrier).",
      }),
      credentials: Type.Record(Type.String(), CredentialHint, {
        description: 'Each stored field: non-secret settings in clear, secrets as a masked hint.',
      }),
      callbackUrl: Type.Union([Type.String(), Type.Null()], {
        description:
          "Where this connection's carrier pushes (set it in the carrier's portal where the adapter cannot send it); null when PARCELGATE_PUBLIC_URL is not set.",
      }),
      createdAt: Type.String({ format: 'date-time' }),
      updatedAt: Type.String({ format: 'date-time' }),
    },
    { examples: [sampleConnection] },
  ),
);

/** A page of connections. */
export const CarrierConnectionList = sharedSchema(
  'CarrierConnectionList',
  Type.Object(
    { data: Type.Array(CarrierConnection.ref) },
    { examples: [{ data: [sampleConnection] }] },
  ),
);

/** The body of `POST /v1/carrier-connections`. */
export const NewCarrierConnection = sharedSchema(
  'NewCarrierConnection',
  Type.Object(
    {
      carrier: CarrierId,
      label: Label,
      mode: Mode,
      credentials: CredentialValues,
      isDefault: Type.Optional(
        Type.Boolean({
          description:
            "Make it the tenant's default for the carrier now. The tenant's first connection of a carrier is its default anyway.",
        }),
      ),
    },
    {
      ...closed,
      examples: [
        {
          carrier: 'ups',
          label: 'UPS US main account',
          mode: 'live',
          credentials: {
            clientId: 'AbCdEf123456',
            clientSecret: 'your-client-secret',
            requesterName: 'TTS Returns Desk',
            requesterPhone: '+14045550100',
          },
        },
      ],
    },
  ),
);

/** The body of `PATCH /v1/carrier-connections/{id}`. */
export const CarrierConnectionChanges = sharedSchema(
  'CarrierConnectionChanges',
  Type.Object(
    {
      label: Type.Optional(Label),
      mode: Type.Optional(Mode),
      isDefault: Type.Optional(
        Type.Literal(true, {
          description:
            "Make this the tenant's default for its carrier (the previous default stops being one).",
        }),
      ),
      credentials: Type.Optional(
        Type.Record(
          Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{0,63}$' }),
          Type.Union([Type.String({ maxLength: 4096 }), Type.Null()]),
          {
            description:
              'Fields to change: a value replaces the stored one, null removes an optional field; fields not named are kept (rotate one secret alone).',
          },
        ),
      ),
    },
    {
      ...closed,
      minProperties: 1,
      examples: [{ credentials: { clientSecret: 'the-rotated-secret' } }, { isDefault: true }],
    },
  ),
);

/** What testing a connection found. */
export const CarrierConnectionTest = sharedSchema(
  'CarrierConnectionTest',
  Type.Object(
    {
      ok: Type.Boolean({ description: 'Whether the carrier accepted the credentials.' }),
      outcome: Type.Union(
        [
          Type.Literal('ok'),
          Type.Literal('authentication_failed'),
          Type.Literal('unreachable'),
          Type.Literal('carrier_error'),
        ],
        {
          description:
            'ok: the carrier authenticated the call; authentication_failed: it refused the credentials; unreachable: no answer in time, or the circuit is open; carrier_error: another error (see detail).',
        },
      ),
      detail: Type.String(),
      durationMs: Type.Integer({ minimum: 0 }),
    },
    {
      examples: [
        { ok: true, outcome: 'ok', detail: 'UPS accepted the credentials.', durationMs: 184 },
        {
          ok: false,
          outcome: 'authentication_failed',
          detail: 'ups: the OAuth token request was refused (401)',
          durationMs: 97,
        },
      ],
    },
  ),
);

/** Every schema of this module, for `addSchema`. */
export const CONNECTION_SCHEMAS = [
  CarrierConnection,
  CarrierConnectionList,
  NewCarrierConnection,
  CarrierConnectionChanges,
  CarrierConnectionTest,
];
