/**
 * A gateway's batch API for wave tests: a batch of four items that finishes one item per
 * progress read (succeeded, refused, pending, failed, in that order), answered by a fetch
 * double in-process or by a local HTTP server for the CLI run as a process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InterceptBatch, InterceptBatchItem } from '@parcelgate/sdk';
import { json, problem, type SentRequest } from './fake-gateway.ts';

/** The CSV of the wave: four parcels. */
export const WAVE_CSV = [
  'carrier,trackingNumber,reason,pickupMode,orderRef',
  'sandbox,SBX100000016,merchant_error,platform_pickup,TTS-5801',
  'sandbox,SBX100000024,merchant_error,platform_pickup,TTS-5802',
  'ups,1Z999AA10123456784,merchant_error,self_dropoff,TTS-5803',
  'sf,SF1234567890,merchant_error,platform_pickup,TTS-5804',
  '',
].join('\n');

const ID = 'icb_01JD3K9V7Q8M2N4P6R8T0V2X4Z';

const finished: InterceptBatchItem[] = [
  {
    index: 0,
    carrier: 'sandbox',
    trackingNumber: 'SBX100000016',
    status: 'done',
    outcome: 'succeeded',
    interceptId: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X40',
    interceptStatus: 'accepted',
    reasons: [],
    problem: null,
  },
  {
    index: 1,
    carrier: 'sandbox',
    trackingNumber: 'SBX100000024',
    status: 'done',
    outcome: 'refused',
    interceptId: null,
    interceptStatus: null,
    reasons: [{ code: 'delivered', message: 'The parcel was already delivered.' }],
    problem: {
      type: 'https://parcelgate.dev/problems/not-eligible',
      status: 422,
      detail: 'The parcel cannot be intercepted now: delivered.',
    },
  },
  {
    index: 2,
    carrier: 'ups',
    trackingNumber: '1Z999AA10123456784',
    status: 'done',
    outcome: 'pending',
    interceptId: 'icp_01JD3K9V7Q8M2N4P6R8T0V2X42',
    interceptStatus: 'pending',
    reasons: [],
    problem: null,
  },
  {
    index: 3,
    carrier: 'sf',
    trackingNumber: 'SF1234567890',
    status: 'done',
    outcome: 'failed',
    interceptId: null,
    interceptStatus: null,
    reasons: [],
    problem: {
      type: 'https://parcelgate.dev/problems/carrier-unavailable',
      status: 503,
      detail: 'SF Express did not answer.',
    },
  },
];

/** The batch after `done` items finished, with the page of items asked for. */
function batchAfter(done: number, page: 'none' | 'all'): InterceptBatch {
  const items = finished.slice(0, done);
  const count = (outcome: string) => items.filter((item) => item.outcome === outcome).length;
  return {
    id: ID,
    status: done === finished.length ? 'done' : 'running',
    counts: {
      total: finished.length,
      queued: finished.length - done,
      running: 0,
      done,
      succeeded: count('succeeded'),
      pending: count('pending'),
      refused: count('refused'),
      failed: count('failed'),
      cancelled: 0,
    },
    createdAt: '2026-11-26T09:00:00.000Z',
    completedAt: done === finished.length ? '2026-11-26T09:00:04.000Z' : null,
    items: page === 'all' ? items : [],
    nextCursor: null,
  };
}

/** A handler for the batch routes: each read with `limit=1` finishes one more item. */
export function waveHandler(): (request: SentRequest) => Response {
  let done = 0;
  return (request) => {
    if (request.method === 'POST' && request.path === '/v1/intercepts/batch') {
      return json(202, batchAfter(0, 'none'));
    }
    if (request.method === 'GET' && request.path.startsWith(`/v1/intercepts/batch/${ID}`)) {
      const limit = new URL(request.path, 'http://x').searchParams.get('limit');
      if (limit === '1') {
        done = Math.min(finished.length, done + 1);
        return json(200, batchAfter(done, 'none'));
      }
      return json(200, batchAfter(done, 'all'));
    }
    return problem(404, 'not-found');
  };
}

/** Serves `handler` over HTTP on 127.0.0.1, for the CLI run as a process. */
export async function serveOverHttp(
  handler: (request: SentRequest) => Response,
): Promise<{ url: string; sent: SentRequest[]; close(): Promise<void> }> {
  const sent: SentRequest[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      const text = Buffer.concat(chunks).toString();
      const request: SentRequest = {
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: new Headers(
          Object.entries(incoming.headers).flatMap(([name, value]) =>
            typeof value === 'string' ? [[name, value] as [string, string]] : [],
          ),
        ),
        body: text === '' ? undefined : JSON.parse(text),
      };
      sent.push(request);
      const response = handler(request);
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
