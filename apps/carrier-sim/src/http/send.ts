import type { ServerResponse } from 'node:http';
import type { CarrierResponse } from '../carriers/carrier-response.ts';

/** Writes a complete answer in one go. */
export function send(response: ServerResponse, answer: CarrierResponse): void {
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
}
