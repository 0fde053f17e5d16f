import { defineSection, flag, httpUrl, nameList, text, wholeNumber } from './variable-types.ts';

/** The carriers loaded, where those without real credentials are sent, and account sharing. */
export const carrierSection = defineSection({
  id: 'carriers',
  title: 'Carriers and their accounts',
  variables: {
    PARCELGATE_CARRIERS: nameList({
      defaultText: 'every `@parcelgate/carrier-*` the gateway depends on',
      description: 'adapter packages to load, comma-separated',
    }),
    PARCELGATE_PUBLIC_URL: httpUrl({
      defaultText: 'unset',
      essential: true,
      description: "the gateway's address as carriers reach it; callback URLs are built from it",
    }),
    CARRIER_SIM_URL: httpUrl({
      defaultText: '`http://127.0.0.1:4010` (its port from `CARRIER_SIM_PORT`)',
      description:
        'where carriers without real credentials are sent (the simulator), each under `/<id>`',
    }),
    CARRIER_SIM_PORT: wholeNumber({
      default: 4010,
      minimum: 1,
      maximum: 65_535,
      description: "the simulator's port on 127.0.0.1, when `CARRIER_SIM_URL` is not set",
    }),
    PARCELGATE_ALLOW_SIMULATOR: flag({
      description:
        '`true` lets `PARCELGATE_ENV=production` send a carrier without real credentials to the simulator',
    }),
    PARCELGATE_SECRET_KEY: text({
      pattern: '^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$',
      expectation: '32 bytes as 64 hex digits or base64 (e.g. `openssl rand -hex 32`)',
      secret: true,
      essential: true,
      defaultText: 'unset: a development key kept in the database, and `test` connections only',
      description:
        '32 bytes (64 hex digits or base64, `openssl rand -hex 32`) sealing stored carrier credentials. Required for `live` connections and for a shared account with real credentials; the same on every replica',
    }),
    PARCELGATE_SHARED_ACCOUNT_TENANTS: nameList({
      default: ['default'],
      description:
        'tenants that act through the shared `CARRIER_<ID>_*` accounts on any parcel; others register their parcels or connect their own account',
    }),
  },
});
