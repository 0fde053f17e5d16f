/**
 * The exit codes of `parcelgate`, one per kind of outcome, so a script can tell a typo from
 * an outage from a wave that only half worked. The README lists them; keep the two equal.
 */
export const EXIT_CODES = {
  /** Everything asked for was done (a wave: no item refused or failed). */
  ok: 0,
  /** A bug or an unexpected error: the message says what. */
  internal: 1,
  /** The command line, a CSV file or the configuration is wrong; nothing was sent. */
  usage: 2,
  /** The API answered with a problem (4xx/5xx): not eligible, not found, unauthorized, ... */
  api: 3,
  /**
   * The API did its part but not everything succeeded: a wave with refused or failed items,
   * a watched intercept that ended `rejected`, `failed` or `cancelled`.
   */
  partial: 4,
  /** The gateway could not be reached, or did not answer in time. */
  network: 5,
  /** Interrupted (Ctrl-C): 128 + SIGINT, as shells report it. */
  interrupted: 130,
} as const;

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
