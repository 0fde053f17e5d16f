/** The generic answers the msw environment stages faults with. */

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** A JSON error body in no carrier's format: adapters must classify by the HTTP status. */
export function jsonErrorResponse(status: number, headers: Record<string, string> = {}): Response {
  const body = { error: { code: `HTTP_${status}`, message: `conformance fault: HTTP ${status}` } };
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** The page an nginx proxy in front of a carrier answers with when the carrier is down. */
export function htmlErrorPage(status: number): Response {
  const html = `<html>\r\n<head><title>${status} Error</title></head>\r\n<body>\r\n<center><h1>${status} Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/** A 200 that promises JSON and delivers a truncated document. */
export function malformedResponse(): Response {
  return new Response('{"trunc', { status: 200, headers: JSON_HEADERS });
}

/** A 429 with Retry-After exactly as given (seconds or an HTTP date). */
export function rateLimitedResponse(retryAfter: number | string): Response {
  return jsonErrorResponse(429, { 'retry-after': String(retryAfter) });
}

/** The same answer, its body trickled at `bytesPerSecond` (in ten slices a second). */
export async function slowBodyResponse(
  response: Response,
  bytesPerSecond: number,
  signal: AbortSignal,
): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const sliceSize = Math.max(1, Math.floor(bytesPerSecond / 10));
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset >= bytes.length || signal.aborted) {
        controller.close();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      controller.enqueue(bytes.slice(offset, offset + sliceSize));
      offset += sliceSize;
    },
  });
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(stream, { status: response.status, headers });
}
