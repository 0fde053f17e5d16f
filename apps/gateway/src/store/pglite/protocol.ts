/**
 * Messages between the gateway and the worker thread that runs its embedded PGlite. Every
 * request carries an id answered exactly once; statements of a transaction carry its id.
 */
export type PgliteRequest =
  | {
      readonly id: number;
      readonly kind: 'query';
      readonly text: string;
      readonly params: readonly unknown[] | undefined;
      readonly tx: number | undefined;
    }
  | {
      readonly id: number;
      readonly kind: 'exec';
      readonly text: string;
      readonly tx: number | undefined;
    }
  | { readonly id: number; readonly kind: 'begin' }
  | { readonly id: number; readonly kind: 'end'; readonly tx: number; readonly commit: boolean }
  | { readonly id: number; readonly kind: 'listen'; readonly channel: string }
  | { readonly id: number; readonly kind: 'unlisten'; readonly channel: string }
  | { readonly id: number; readonly kind: 'close' };

/** One statement's rows, as PGlite returns them (structured-cloned: dates stay dates). */
export interface PgliteRows {
  readonly rows: Record<string, unknown>[];
}

/** A PostgreSQL error's fields the gateway reads (`code` tells a unique violation). */
export interface PgliteErrorFields {
  readonly message: string;
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly constraint: string | undefined;
}

/** The worker's answer to one request, or a notice heard on a channel it listens to. */
export type PgliteResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: PgliteErrorFields }
  | { readonly notice: { readonly channel: string; readonly payload: string } };

/** What the worker is started with. */
export interface PgliteWorkerData {
  readonly dataDir: string;
}
