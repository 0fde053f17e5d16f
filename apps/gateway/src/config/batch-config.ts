/** How bulk intercepts (`POST /v1/intercepts/batch`) are taken in and run. */
export interface BatchConfig {
  /**
   * Items of one tenant's batches running at once, across every replica
   * (`PARCELGATE_BATCH_TENANT_CONCURRENCY`): its fair share of the carriers' queues, so a
   * tenant's thousand parcels never crowd out another tenant's single requests.
   */
  readonly tenantConcurrency: number;
  /** Largest batch body accepted (`PARCELGATE_BATCH_BODY_LIMIT_BYTES`); other routes keep theirs. */
  readonly bodyLimitBytes: number;
}

/** Reads one whole number from the environment, recording a problem when it is invalid. */
type ReadInteger = (name: string, fallback: number, min: number, max: number) => number;

/**
 * Reads `PARCELGATE_BATCH_TENANT_CONCURRENCY` (default 4) and
 * `PARCELGATE_BATCH_BODY_LIMIT_BYTES` (default 2 MiB: 1,000 items with long notes).
 */
export function readBatchConfig(integer: ReadInteger): BatchConfig {
  return {
    tenantConcurrency: integer('PARCELGATE_BATCH_TENANT_CONCURRENCY', 4, 1, 100),
    bodyLimitBytes: integer(
      'PARCELGATE_BATCH_BODY_LIMIT_BYTES',
      2 * 1024 * 1024,
      64 * 1024,
      20 * 1024 * 1024,
    ),
  };
}
