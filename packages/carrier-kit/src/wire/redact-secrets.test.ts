import { describe, expect, it } from 'vitest';
import type { CarrierLogger, LogFields } from '../carrier-context.ts';
import { createRedactingLogger, redactSecrets } from './redact-secrets.ts';

describe('redaction', () => {
  it('replaces every secret, longest first, and leaves tiny values alone', () => {
    expect(
      redactSecrets('key=abcd1234 and abcd1234xyz, id=ab', ['abcd1234', 'abcd1234xyz', 'ab']),
    ).toBe('key=[REDACTED] and [REDACTED], id=ab');
  });

  it('redacts messages and nested fields of every level', () => {
    const lines: Array<[string, string, LogFields | undefined]> = [];
    const capture = (level: string) => (message: string, fields?: LogFields) => {
      lines.push([level, message, fields]);
    };
    const base: CarrierLogger = {
      debug: capture('debug'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
    };
    const logger = createRedactingLogger(base, ['s3cr3t-token']);
    logger.info('token s3cr3t-token refreshed');
    logger.error('failed', {
      headers: { authorization: 'Bearer s3cr3t-token' },
      list: ['s3cr3t-token'],
      n: 1,
    });
    expect(lines).toEqual([
      ['info', 'token [REDACTED] refreshed', undefined],
      [
        'error',
        'failed',
        { headers: { authorization: 'Bearer [REDACTED]' }, list: ['[REDACTED]'], n: 1 },
      ],
    ]);
  });
});
