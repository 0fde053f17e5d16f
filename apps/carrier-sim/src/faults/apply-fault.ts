import type { ServerResponse } from 'node:http';
import type { CarrierResponse } from '../carriers/carrier-response.ts';
import { bufferResponse } from '../carriers/carrier-response.ts';
import { send } from '../http/send.ts';

/**
 * `malformed`: a 200 whose JSON body is cut in half. The framing stays valid (the
 * content-length matches what is sent), so only a JSON parser notices.
 */
export function sendMalformed(response: ServerResponse, answer: CarrierResponse): void {
  const cut = answer.body.subarray(0, Math.max(1, Math.floor(answer.body.length / 2)));
  const contentType = String(answer.headers['content-type'] ?? 'application/json; charset=utf-8');
  send(response, bufferResponse(200, contentType, cut));
}

/**
 * `slow_body`: the real status and headers at once, then the body at about
 * `bytesPerSecond` (ten slices a second, or one byte at a time below 10 B/s). Stops when
 * the client goes away or the server closes.
 */
export function sendSlowly(
  response: ServerResponse,
  answer: CarrierResponse,
  bytesPerSecond: number,
): void {
  response.writeHead(answer.status, answer.headers);
  response.flushHeaders();
  const body = answer.body;
  const intervalMs = bytesPerSecond >= 10 ? 100 : Math.ceil(1000 / bytesPerSecond);
  const sliceBytes = bytesPerSecond >= 10 ? Math.ceil(bytesPerSecond / 10) : 1;
  let offset = 0;
  const timer = setInterval(() => {
    if (response.destroyed) {
      clearInterval(timer);
      return;
    }
    const end = Math.min(offset + sliceBytes, body.length);
    const slice = body.subarray(offset, end);
    offset = end;
    if (offset >= body.length) {
      clearInterval(timer);
      response.end(slice);
    } else {
      response.write(slice);
    }
  }, intervalMs);
  response.once('close', () => clearInterval(timer));
}
