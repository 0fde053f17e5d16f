import { describe, expect, it } from 'vitest';
import { createFakeCarrier } from '../../test/support/fake-carrier.ts';
import { defaultCarrierPackages, loadCarriers } from './load-carriers.ts';

describe('loadCarriers', () => {
  it('loads adapters by package name from their default export', async () => {
    const { carrier } = createFakeCarrier();
    const carriers = await loadCarriers(['fake-carrier'], async () => ({ default: carrier }));
    expect(carriers.map((loaded) => loaded.id)).toEqual(['fake']);
  });

  it('loads the real sandbox package by name', async () => {
    const carriers = await loadCarriers(['@parcelgate/carrier-sandbox']);
    expect(carriers.map((loaded) => loaded.id)).toEqual(['sandbox']);
  });

  it('names the package that cannot be loaded or breaks the contract', async () => {
    await expect(loadCarriers(['@parcelgate/carrier-missing'])).rejects.toThrow(
      /^Cannot load carrier package "@parcelgate\/carrier-missing"/,
    );
    const { carrier } = createFakeCarrier();
    const broken = { ...carrier, contractVersion: 2 };
    await expect(
      loadCarriers(['broken-carrier'], async () => ({ default: broken })),
    ).rejects.toThrow(
      'Carrier package "broken-carrier": Carrier adapter "fake" does not fulfil carrier-kit contract v1: it was built for contract v2, but this carrier-kit speaks v1',
    );
  });

  it('refuses two packages with one id', async () => {
    const { carrier } = createFakeCarrier();
    await expect(loadCarriers(['a', 'b'], async () => ({ default: carrier }))).rejects.toThrow(
      'Carrier package "b" reuses the id "fake"',
    );
  });

  it('defaults to the carrier packages the gateway depends on', async () => {
    expect(await defaultCarrierPackages()).toContain('@parcelgate/carrier-sandbox');
    expect(await defaultCarrierPackages()).not.toContain('@parcelgate/carrier-kit');
  });
});
