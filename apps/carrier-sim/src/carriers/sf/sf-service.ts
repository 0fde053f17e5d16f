/** A request that passed SF's gateway checks: the business message parsed. */
export interface SfServiceRequest {
  readonly serviceCode: string;
  readonly msgData: Readonly<Record<string, unknown>>;
}
