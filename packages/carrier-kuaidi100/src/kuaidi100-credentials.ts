import type { CredentialSpec } from '@parcelgate/carrier-kit';

/**
 * What Kuaidi100 issues an enterprise account (企业版, shown in its management portal):
 * `customer` and `key` sign real-time queries, `key` and `secret` sign the label API
 * (`interceptOrder`), and `salt` is our own random string Kuaidi100 signs its pushes with.
 * The rest are settings of the merchant's connection that decide who pays for an
 * intercept and where the parcel goes: only ever configured, never taken from a request.
 * The sandbox defaults are the values carrier-sim accepts and signs with.
 */
export const kuaidi100Credentials = [
  {
    key: 'customer',
    env: 'CUSTOMER',
    description: 'Kuaidi100 customer id (查询公司编号), sent with every real-time query',
    secret: false,
    required: true,
    sandboxDefault: 'SIMKD100CUSTOMER0001',
  },
  {
    key: 'key',
    env: 'KEY',
    description: 'Kuaidi100 authorisation key (授权key); part of every signature',
    secret: true,
    required: true,
    sandboxDefault: 'simkd100key',
  },
  {
    key: 'secret',
    env: 'SECRET',
    description: 'Kuaidi100 secret (授权secret), signs the label API (interceptOrder)',
    secret: true,
    required: true,
    sandboxDefault: 'simkd100secret',
  },
  {
    key: 'salt',
    env: 'SALT',
    description: 'Random string Kuaidi100 signs its pushes with (subscriptions, intercept results)',
    secret: true,
    required: true,
    sandboxDefault: 'simkd100salt',
  },
  {
    key: 'partnerId',
    env: 'PARTNER_ID',
    description:
      'E-waybill account at the underlying carrier (电子面单客户账户), when interceptOrder needs one',
    secret: false,
    required: false,
  },
  {
    key: 'partnerKey',
    env: 'PARTNER_KEY',
    description: 'Password of that e-waybill account (电子面单密码), when the carrier needs it',
    secret: true,
    required: false,
  },
  {
    key: 'interceptType',
    env: 'INTERCEPT_TYPE',
    description:
      'Where an intercepted parcel goes back to (interceptType): RETURN_SEND_ADDR, the sender address (default), or RETURN_SEND_STATION, held at the sending station',
    secret: false,
    required: false,
  },
  {
    key: 'interceptPayType',
    env: 'INTERCEPT_PAY_TYPE',
    description:
      'Who pays an intercept or address change (interceptPayType): SHIPPER, CONSIGNEE, THIRDPARTY or MONTHLY (default)',
    secret: false,
    required: false,
  },
  {
    key: 'orderRole',
    env: 'ORDER_ROLE',
    description:
      'Whose behalf interceptOrder is sent on (orderRole): 1 sender (default), 2 recipient, 3 third party',
    secret: false,
    required: false,
  },
] as const satisfies CredentialSpec;

/** The values the adapter reads from `ctx.credentials`, derived from {@link kuaidi100Credentials}. */
export type Kuaidi100Credentials = {
  readonly [Field in (typeof kuaidi100Credentials)[number] as Field['key']]: string;
};
