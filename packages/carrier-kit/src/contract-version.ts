/** Major version of the adapter contract; the gateway refuses adapters built for another one. */
export const CONTRACT_VERSION = 1;

/** The literal type of {@link CONTRACT_VERSION}, so an adapter for another major fails to compile. */
export type ContractVersion = typeof CONTRACT_VERSION;
