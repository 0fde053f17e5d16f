import type { OutgoingHttpHeaders } from 'node:http';

/**
 * A complete answer, headers included, so a cached one is written with no work per
 * request and a fault can replay or spoil it (truncate, trickle) after the fact.
 */
export interface CarrierResponse {
  readonly status: number;
  /** Complete headers, `content-type` and `content-length` included. */
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

/** A JSON answer with the given status and any extra headers. */
export function jsonResponse(
  status: number,
  value: unknown,
  extraHeaders?: OutgoingHttpHeaders,
): CarrierResponse {
  return bufferResponse(status, JSON_TYPE, Buffer.from(JSON.stringify(value)), extraHeaders);
}

/** An HTML answer, as a proxy in front of a carrier sends when the carrier is down. */
export function htmlResponse(status: number, html: string): CarrierResponse {
  return bufferResponse(status, HTML_TYPE, Buffer.from(html));
}

/** An answer with an explicit content type and raw body bytes. */
export function bufferResponse(
  status: number,
  contentType: string,
  body: Buffer,
  extraHeaders?: OutgoingHttpHeaders,
): CarrierResponse {
  return {
    status,
    headers: { 'content-type': contentType, 'content-length': body.length, ...extraHeaders },
    body,
  };
}

/** The nginx-style page proxies answer with on 5xx: no JSON at all. */
export function proxyErrorPage(status: number, reason: string): CarrierResponse {
  return htmlResponse(
    status,
    `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  );
}
