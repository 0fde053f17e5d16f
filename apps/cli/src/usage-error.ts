/**
 * A mistake on the operator's side found before anything was sent: a bad flag, a CSV row
 * without a carrier, no API key. Exits with `EXIT_CODES.usage`.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
