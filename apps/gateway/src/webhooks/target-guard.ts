import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** One address a host name resolved to. */
export interface ResolvedAddress {
  /** The address as text, e.g. `203.0.114.7` or `2606:4700::1111`. */
  readonly address: string;
  /** 4 or 6. */
  readonly family: 4 | 6;
}

/**
 * Resolves a host name to every address it has. The default is `node:dns/promises`
 * `lookup(hostname, { all: true })`, what a connection would use (hosts file included);
 * tests inject their own.
 */
export type LookupFn = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** Why a target is refused, as a stable code beside the sentence for people. */
export type TargetRefusalCode =
  /** Not a URL at all, or one without a host. */
  | 'invalid-url'
  /** Not https (or, with private targets allowed, not http either). */
  | 'scheme-not-allowed'
  /** A user name or password in the URL: it would travel to the receiver and into logs. */
  | 'credentials-in-url'
  /** The host name does not resolve (now): DNS may answer later. */
  | 'unresolvable'
  /** An address the host resolves to, or the literal address, is not a public one. */
  | 'address-not-public';

/** What {@link checkWebhookTarget} says about a URL. */
export type TargetVerdict =
  | {
      readonly ok: true;
      /** The parsed URL, to send to. */
      readonly url: URL;
      /** Every address checked: connect only to these (see deliverWebhook). */
      readonly addresses: readonly ResolvedAddress[];
    }
  | {
      readonly ok: false;
      /** Says precisely why, naming the address and its range; fit for a problem `detail`. */
      readonly reason: string;
      /** The kind of refusal, for code that decides (retry an unresolvable host, not the rest). */
      readonly code: TargetRefusalCode;
    };

/** Options of {@link checkWebhookTarget}. */
export interface CheckWebhookTargetOptions {
  /**
   * Allow http and every address (loopback, private, link-local...): for tests and demos
   * whose receivers run on the same machine (`WEBHOOK_ALLOW_PRIVATE_TARGETS=true`).
   */
  readonly allowPrivate: boolean;
  /** How host names are resolved; `node:dns/promises` lookup by default. */
  readonly lookup?: LookupFn | undefined;
}

/** `node:dns/promises` lookup of every address, in the order the resolver gives them. */
export const systemLookup: LookupFn = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, order: 'verbatim' });
  return answers.map((answer) => ({
    address: answer.address,
    family: answer.family === 6 ? 6 : 4,
  }));
};

/**
 * Checks that a webhook URL may be called: https only (http too when `allowPrivate`), no
 * credentials in the URL, and, unless `allowPrivate`, EVERY address the host resolves to
 * (or the IP literal it names) must be public unicast. One private answer among public ones
 * refuses the URL: the connection could pick it. Run it when an endpoint is saved and again
 * before each delivery, since DNS answers change; then connect only to the addresses it
 * returns, so an answer that changes in between (DNS rebinding) cannot be used.
 *
 * Never throws: every refusal is a verdict with a reason.
 */
export async function checkWebhookTarget(
  url: string,
  options: CheckWebhookTargetOptions,
): Promise<TargetVerdict> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('invalid-url', 'The webhook URL is not a valid absolute URL.');
  }
  const allowedSchemes = options.allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!allowedSchemes.includes(parsed.protocol)) {
    return refuse(
      'scheme-not-allowed',
      `The webhook URL must use ${options.allowPrivate ? 'https or http' : 'https'}, not ${parsed.protocol.slice(0, -1)}.`,
    );
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return refuse(
      'credentials-in-url',
      'The webhook URL must not carry a user name or password: the receiver checks the signature instead.',
    );
  }
  // WHATWG URL has already normalized IPv4 spellings (`0x7f.1` → `127.0.0.1`); IPv6 keeps
  // its brackets in `hostname`.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') {
    return refuse('invalid-url', 'The webhook URL has no host.');
  }

  let addresses: readonly ResolvedAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  } else {
    try {
      addresses = await (options.lookup ?? systemLookup)(host);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return refuse(
        'unresolvable',
        `The webhook host ${host} does not resolve${typeof code === 'string' ? ` (${code})` : ''}.`,
      );
    }
    if (addresses.length === 0) {
      return refuse('unresolvable', `The webhook host ${host} resolves to no address.`);
    }
  }

  if (!options.allowPrivate) {
    for (const { address } of addresses) {
      const range = nonPublicRange(address);
      if (range !== undefined) {
        const subject =
          address === host
            ? `The webhook address ${address}`
            : `The webhook host ${host} resolves to ${address}, which`;
        return refuse(
          'address-not-public',
          `${subject} is ${range}; webhook targets must be public addresses.`,
        );
      }
    }
  }
  return { ok: true, url: parsed, addresses };
}

function refuse(code: TargetRefusalCode, reason: string): TargetVerdict {
  return { ok: false, code, reason };
}

/** What each non-public range of ipaddr.js is, in words for a refusal. */
const RANGE_WORDS: Readonly<Record<string, string>> = {
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (this includes the cloud metadata service 169.254.169.254)',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  private: 'a private address (RFC 1918)',
  reserved: 'a reserved or documentation address',
  as112: 'an AS112 DNS sink address',
  amt: 'an AMT relay anycast address',
  uniqueLocal: 'a unique local IPv6 address (fc00::/7)',
  deprecatedSiteLocal: 'a site-local IPv6 address (fec0::/10)',
  discard: 'a discard-only IPv6 address (100::/64)',
  '6to4': 'a 6to4 transition address (2002::/16)',
  teredo: 'a Teredo transition address (2001::/32)',
  benchmarking: 'a benchmarking address (2001:2::/48)',
  as112v6: 'an AS112 DNS sink address',
  deprecatedOrchid: 'an ORCHID address',
  orchid2: 'an ORCHIDv2 address',
  droneRemoteIdProtocolEntityTags: 'a drone remote ID address (2001:30::/28)',
  segmentRouting: 'a segment routing address (5f00::/16)',
  rfc6052: 'a local-use NAT64 address (64:ff9b:1::/48)',
  ipv4Compatible: 'a deprecated IPv4-compatible IPv6 address (::/96)',
};

/** `::/96`, IPv4-compatible IPv6 (RFC 4291, deprecated): refused whatever it embeds. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');
/** `64:ff9b::/96`, the well-known NAT64 prefix: its last 32 bits are the IPv4 address reached. */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

/**
 * The words for the non-public range `address` falls in, or `undefined` for a public
 * unicast address. An allow-list: anything ipaddr.js does not call `unicast` is refused,
 * so a range it learns later is refused too. IPv6 forms that carry an IPv4 address
 * (IPv4-mapped `::ffff:a.b.c.d`, SIIT `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`) are
 * judged by the IPv4 address they reach.
 */
export function nonPublicRange(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return 'not an IP address';
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    const range = v6.range();
    const embedsIpv4 = range === 'ipv4Mapped' || range === 'rfc6145' || v6.match(NAT64_WELL_KNOWN);
    if (embedsIpv4) {
      const v4 = ipaddr.fromByteArray(v6.toByteArray().slice(12));
      const inner = nonPublicRange(v4.toString());
      return inner === undefined ? undefined : `${inner}, embedded in an IPv6 address`;
    }
    if (range === 'unicast' && v6.match(IPV4_COMPATIBLE)) {
      return RANGE_WORDS.ipv4Compatible;
    }
    return range === 'unicast'
      ? undefined
      : (RANGE_WORDS[range] ?? `a special-purpose address (${range})`);
  }
  const range = (parsed as ipaddr.IPv4).range();
  return range === 'unicast'
    ? undefined
    : (RANGE_WORDS[range] ?? `a special-purpose address (${range})`);
}
