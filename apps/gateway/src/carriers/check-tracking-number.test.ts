import { describe, expect, it } from 'vitest';
import { isProblemError } from '../problems.ts';
import { checkTrackingNumber, PATH_TRACKING_NUMBER } from './check-tracking-number.ts';

const sandboxLike = {
  displayName: 'Sandbox',
  detect: (trackingNumber: string) => (/^SBX\d{9}$/.test(trackingNumber) ? 'format' : undefined),
} as const;

describe('checkTrackingNumber', () => {
  it('lets a number of the carrier’s format through, whether or not the carrier knows it', () => {
    expect(() => checkTrackingNumber(sandboxLike, 'SBX999999990')).not.toThrow();
  });

  it('refuses one that cannot be the carrier’s, naming the field', () => {
    const error = (() => {
      try {
        checkTrackingNumber(sandboxLike, '1Z999AA10123456784', PATH_TRACKING_NUMBER);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(isProblemError(error) && [error.problemType, error.extensions.errors]).toEqual([
      'validation-failed',
      [{ pointer: '/params/trackingNumber', detail: 'is not a Sandbox tracking number' }],
    ]);
  });

  it('lets any number through for a carrier without a format (an aggregator)', () => {
    expect(() => checkTrackingNumber({ displayName: 'Kuaidi100' }, 'anything-123')).not.toThrow();
  });
});
