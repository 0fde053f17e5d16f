/** A request that passed SF's gateway checks: the business message parsed. */
export interface SfServiceRequest {
  /** The partner (顾客编码) that signed the request: the account of the call. */
  readonly partnerId: string;
  readonly serviceCode: string;
  readonly msgData: Readonly<Record<string, unknown>>;
}
