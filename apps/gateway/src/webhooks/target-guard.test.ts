import { describe, expect, it } from 'vitest';
import {
  checkWebhookTarget,
  type LookupFn,
  nonPublicRange,
  type ResolvedAddress,
} from './target-guard.ts';

/** A resolver that answers from a table and records what it was asked. */
function tableLookup(table: Record<string, readonly string[]>): LookupFn & { asked: string[] } {
  const asked: string[] = [];
  const lookup = async (hostname: string): Promise<readonly ResolvedAddress[]> => {
    asked.push(hostname);
    const answers = table[hostname];
    if (answers === undefined) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    }
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(lookup, { asked });
}

describe('nonPublicRange', () => {
  it.each([
    // Public: allowed.
    ['93.184.215.14', undefined],
    ['8.8.8.8', undefined],
    ['2606:4700:4700::1111', undefined],
    ['::ffff:8.8.8.8', undefined],
    ['64:ff9b::808:808', undefined],
    // IPv4.
    ['127.0.0.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    ['10.1.2.3', 'a private address (RFC 1918)'],
    ['172.16.0.1', 'a private address (RFC 1918)'],
    ['172.31.255.255', 'a private address (RFC 1918)'],
    ['192.168.1.1', 'a private address (RFC 1918)'],
    ['100.64.0.1', 'a carrier-grade NAT address (100.64.0.0/10)'],
    ['169.254.169.254', expect.stringContaining('link-local') as unknown as string],
    ['169.254.1.1', expect.stringContaining('link-local') as unknown as string],
    ['0.0.0.0', 'an unspecified address'],
    ['0.1.2.3', 'an unspecified address'],
    ['255.255.255.255', 'the broadcast address'],
    ['224.0.0.1', 'a multicast address'],
    ['239.255.255.250', 'a multicast address'],
    ['192.0.2.1', 'a reserved or documentation address'],
    ['198.51.100.7', 'a reserved or documentation address'],
    ['203.0.113.9', 'a reserved or documentation address'],
    ['198.18.0.1', 'a reserved or documentation address'],
    ['240.0.0.1', 'a reserved or documentation address'],
    ['192.0.0.8', 'a reserved or documentation address'],
    // IPv6.
    ['::1', 'a loopback address'],
    ['::', 'an unspecified address'],
    ['fe80::1', expect.stringContaining('link-local') as unknown as string],
    ['fc00::1', 'a unique local IPv6 address (fc00::/7)'],
    ['fd12:3456:789a::1', 'a unique local IPv6 address (fc00::/7)'],
    ['ff02::1', 'a multicast address'],
    ['2001:db8::1', 'a reserved or documentation address'],
    ['fec0::1', 'a site-local IPv6 address (fec0::/10)'],
    ['2002:7f00:1::', 'a 6to4 transition address (2002::/16)'],
    ['::7f00:1', 'a deprecated IPv4-compatible IPv6 address (::/96)'],
    // IPv4 inside IPv6: judged by the IPv4 address.
    ['::ffff:127.0.0.1', 'a loopback address, embedded in an IPv6 address'],
    ['::ffff:7f00:1', 'a loopback address, embedded in an IPv6 address'],
    ['::ffff:169.254.169.254', expect.stringMatching(/link-local.*embedded/) as unknown as string],
    ['::ffff:10.0.0.1', 'a private address (RFC 1918), embedded in an IPv6 address'],
    ['::ffff:0:10.0.0.1', 'a private address (RFC 1918), embedded in an IPv6 address'],
    ['64:ff9b::127.0.0.1', 'a loopback address, embedded in an IPv6 address'],
    ['64:ff9b::a9fe:a9fe', expect.stringMatching(/link-local.*embedded/) as unknown as string],
    ['64:ff9b:1::a00:1', 'a local-use NAT64 address (64:ff9b:1::/48)'],
    ['not-an-ip', 'not an IP address'],
  ])('%s → %s', (address, expected) => {
    expect(nonPublicRange(address)).toEqual(expected);
  });
});

describe('checkWebhookTarget', () => {
  const lookup = tableLookup({
    'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'mixed.example.com': ['93.184.215.14', '10.0.0.7'],
    'metadata.example.com': ['169.254.169.254'],
    'mapped.example.com': ['::ffff:127.0.0.1'],
    'localhost.example.com': ['127.0.0.1', '::1'],
    'empty.example.com': [],
  });

  it('accepts an https URL whose every address is public, returning them all', async () => {
    const verdict = await checkWebhookTarget('https://hooks.example.com/parcelgate?x=1', {
      allowPrivate: false,
      lookup,
    });
    expect(verdict).toEqual({
      ok: true,
      url: new URL('https://hooks.example.com/parcelgate?x=1'),
      addresses: [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
      ],
    });
  });

  it.each([
    [
      'not a URL',
      'hooks.example.com/x',
      'invalid-url',
      'The webhook URL is not a valid absolute URL.',
    ],
    [
      'http',
      'http://hooks.example.com/x',
      'scheme-not-allowed',
      'The webhook URL must use https, not http.',
    ],
    [
      'ftp',
      'ftp://hooks.example.com/x',
      'scheme-not-allowed',
      'The webhook URL must use https, not ftp.',
    ],
    [
      'credentials',
      'https://user:pw@hooks.example.com/x',
      'credentials-in-url',
      'The webhook URL must not carry a user name or password: the receiver checks the signature instead.',
    ],
    [
      'one private answer among public ones',
      'https://mixed.example.com/x',
      'address-not-public',
      'The webhook host mixed.example.com resolves to 10.0.0.7, which is a private address (RFC 1918); webhook targets must be public addresses.',
    ],
    [
      'the metadata service by name',
      'https://metadata.example.com/latest/meta-data',
      'address-not-public',
      'The webhook host metadata.example.com resolves to 169.254.169.254, which is a link-local address (this includes the cloud metadata service 169.254.169.254); webhook targets must be public addresses.',
    ],
    [
      'IPv4-mapped loopback by name',
      'https://mapped.example.com/x',
      'address-not-public',
      'The webhook host mapped.example.com resolves to ::ffff:127.0.0.1, which is a loopback address, embedded in an IPv6 address; webhook targets must be public addresses.',
    ],
    [
      'a loopback literal',
      'https://127.0.0.1:8443/x',
      'address-not-public',
      'The webhook address 127.0.0.1 is a loopback address; webhook targets must be public addresses.',
    ],
    [
      'a loopback literal spelled in hex',
      'https://0x7f.1/x',
      'address-not-public',
      'The webhook address 127.0.0.1 is a loopback address; webhook targets must be public addresses.',
    ],
    [
      'an IPv6 literal',
      'https://[::ffff:169.254.169.254]/x',
      'address-not-public',
      expect.stringMatching(/^The webhook address ::ffff:a9fe:a9fe is a link-local address/),
    ],
    [
      'a host that does not resolve',
      'https://nowhere.example.com/x',
      'unresolvable',
      'The webhook host nowhere.example.com does not resolve (ENOTFOUND).',
    ],
    [
      'a host with no address',
      'https://empty.example.com/x',
      'unresolvable',
      'The webhook host empty.example.com resolves to no address.',
    ],
  ])('refuses %s', async (_label, url, code, reason) => {
    const verdict = await checkWebhookTarget(url, { allowPrivate: false, lookup });
    expect(verdict).toEqual({ ok: false, code, reason });
  });

  it('does not resolve IP literals, nor anything it refuses before resolving', async () => {
    const spy = tableLookup({});
    await checkWebhookTarget('https://8.8.8.8/x', { allowPrivate: false, lookup: spy });
    await checkWebhookTarget('https://[2606:4700:4700::1111]/x', {
      allowPrivate: false,
      lookup: spy,
    });
    await checkWebhookTarget('http://hooks.example.com/x', { allowPrivate: false, lookup: spy });
    expect(spy.asked).toEqual([]);
    expect(
      await checkWebhookTarget('https://[2606:4700:4700::1111]:8443/x', {
        allowPrivate: false,
        lookup: spy,
      }),
    ).toMatchObject({ ok: true, addresses: [{ address: '2606:4700:4700::1111', family: 6 }] });
  });

  it('with allowPrivate, accepts http and private answers, still resolving them to pin', async () => {
    expect(
      await checkWebhookTarget('http://localhost.example.com:3000/hooks', {
        allowPrivate: true,
        lookup,
      }),
    ).toMatchObject({
      ok: true,
      addresses: [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ],
    });
    // Still no credentials, no other schemes, and a name must resolve.
    expect(
      await checkWebhookTarget('http://a:b@localhost.example.com/', { allowPrivate: true, lookup }),
    ).toMatchObject({ ok: false, code: 'credentials-in-url' });
    expect(
      await checkWebhookTarget('ws://localhost.example.com/', { allowPrivate: true, lookup }),
    ).toEqual({
      ok: false,
      code: 'scheme-not-allowed',
      reason: 'The webhook URL must use https or http, not ws.',
    });
  });

  it('uses the system resolver by default: localhost is loopback', async () => {
    const verdict = await checkWebhookTarget('https://localhost/x', { allowPrivate: false });
    expect(verdict).toMatchObject({ ok: false, code: 'address-not-public' });
  });
});
