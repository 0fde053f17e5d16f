import type { ConfigValues } from './config-schema.ts';

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

/** The batch settings from the checked variables (schema/job-variables.ts). */
export function readBatchConfig(values: ConfigValues): BatchConfig {
  return {
    tenantConcurrency: values.PARCELGATE_BATCH_TENANT_CONCURRENCY,
    bodyLimitBytes: values.PARCELGATE_BATCH_BODY_LIMIT_BYTES,
  };
}
