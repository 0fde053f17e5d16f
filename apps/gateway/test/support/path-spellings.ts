/**
 * Other spellings of a request path that a router, a proxy or a client might treat as the
 * same resource: percent-encoded letters, dots and slashes, other case, doubled slashes,
 * trailing slashes, dot segments. Each is a raw request target: send it as is (`app.inject`
 * or `node:http`), never through `fetch`, which would normalize it.
 */
export function pathSpellings(path: string): string[] {
  const segments = path.split('/').slice(1);
  const withSegments = (mapped: readonly string[]) => `/${mapped.join('/')}`;
  const encodeFirst = (segment: string, hex: (code: number) => string) =>
    segment === '' ? segment : `%${hex(segment.charCodeAt(0))}${segment.slice(1)}`;
  const lower = (code: number) => code.toString(16).padStart(2, '0');
  const upper = (code: number) => lower(code).toUpperCase();
  const encodeAll = (segment: string) =>
    [...segment].map((character) => `%${upper(character.charCodeAt(0))}`).join('');
  const [first = '', ...rest] = segments;
  const spellings = [
    path,
    withSegments(segments.map((segment) => encodeFirst(segment, lower))),
    withSegments(segments.map((segment) => encodeFirst(segment, upper))),
    withSegments([encodeAll(first), ...rest]),
    withSegments(segments.map(encodeAll)),
    path.toUpperCase(),
    withSegments([first.toUpperCase(), ...rest]),
    `${path}/`,
    `${path}//`,
    `/${path}`,
    path.replaceAll('/', '//'),
    withSegments([first, '', ...rest]),
    withSegments(['.', ...segments]),
    withSegments([first, '.', ...rest]),
    withSegments([first, '%2e', ...rest]),
    withSegments(['x', '..', ...segments]),
    withSegments([first, 'x', '..', ...rest]),
    withSegments([first, 'x', '%2e%2e', ...rest]),
    withSegments([first, 'x', '%2E%2E', ...rest]),
    `/${segments.join('%2F')}`,
    `/${segments.join('%2f')}`,
    `/${segments.join('%5C')}`,
    `${path};x=1`,
    `${path}%20`,
    `${path}?next=/healthz`,
    `${path}/.`,
    `${path}/..`,
    `${path}#fragment`,
  ];
  return [...new Set(spellings)];
}

/**
 * Spellings that begin with a public route and climb out of it with dot segments. The
 * router matches the public route (with `..` in its parameter or wildcard), so they are
 * answered by it, never by the API: no key is asked, and no carrier may be called.
 */
export function publicPrefixSpellings(path: string): string[] {
  const relative = path.slice(1);
  return [
    `/healthz/../${relative}`,
    `/docs/../${relative}`,
    `/docs/static/../../${relative}`,
    `/docs/static/..%2F..%2F${relative.replaceAll('/', '%2F')}`,
    `/v1/carrier-callbacks/../../${relative}`,
    `/v1/carrier-callbacks/..%2F..%2F${relative.replaceAll('/', '%2F')}`,
  ];
}
