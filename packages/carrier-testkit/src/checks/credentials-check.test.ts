import { describe, expect, it } from 'vitest';
import { runCheck } from '../__fixtures__/run-check.ts';
import { credentialsCheck, errorTexts } from './credentials-check.ts';

describe('credentialsCheck', () => {
  it('passes the reference adapter, which redacts carrier messages', async () => {
    const outcome = await runCheck(credentialsCheck);
    expect(outcome.problems).toEqual([]);
  });

  it('fails an adapter that puts the secret in an error message, without printing it', async () => {
    const outcome = await runCheck(credentialsCheck, { quirks: { leakSecretInError: true } });
    expect(outcome.problems).toContain(
      'credential "apiKey" appears in a thrown error\'s message: acme answered HTTP 401 (HTTP_401): conformance fault: HTTP 401 (key [REDACTED]) (3 times)',
    );
    expect(outcome.summary).not.toContain('acme_live_s3cr3t_key');
  });

  it('fails an adapter that leaks the secret in a cause', async () => {
    const outcome = await runCheck(credentialsCheck, { quirks: { leakSecretInCause: true } });
    expect(outcome.problems).toEqual([
      expect.stringMatching(
        /^credential "apiKey" appears in a thrown error's cause.message: request with \[REDACTED\] failed/,
      ),
    ]);
  });

  it('fails an adapter that logs its headers, non-secret account id included', async () => {
    const outcome = await runCheck(credentialsCheck, { quirks: { logSecret: true } });
    expect(outcome.problems).toEqual([
      expect.stringMatching(
        /^credential "apiKey" appears in a debug log line's fields.headers.authorization: Bearer \[REDACTED\]/,
      ),
      expect.stringMatching(
        /^credential "accountId" appears in a debug log line's fields.headers.x-account: \[REDACTED\]/,
      ),
    ]);
  });

  it('ignores values shorter than four characters, which would match ordinary words', async () => {
    const outcome = await runCheck(credentialsCheck, {
      credentials: { apiKey: 'abc', accountId: 'x' },
      quirks: { logSecret: true },
    });
    expect(outcome.problems).toEqual([]);
    expect(outcome.skip).toContain('no credential value has 4 characters or more');
  });
});

describe('errorTexts', () => {
  it('walks the cause chain and string fields, not the stack', () => {
    const error = Object.assign(new Error('outer', { cause: new Error('inner') }), {
      carrierCode: 'E1',
    });
    expect(errorTexts(error)).toEqual([
      { path: 'message', text: 'outer' },
      { path: 'carrierCode', text: 'E1' },
      { path: 'cause.message', text: 'inner' },
    ]);
  });

  it('survives a cause cycle', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(errorTexts(error)).toEqual([{ path: 'message', text: 'loop' }]);
  });
});
