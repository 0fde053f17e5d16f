/** Where an event happened or where a parcel is going; every field is optional because carriers differ. */
export interface Location {
  readonly city?: string;
  /** State, province or region code or name. */
  readonly region?: string;
  readonly postalCode?: string;
  /** ISO 3166-1 alpha-2 code when the carrier gives one. */
  readonly country?: string;
  /** Free text as the carrier wrote it (a facility name, "Shanghai hub"). */
  readonly description?: string;
}
