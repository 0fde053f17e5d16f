/**
 * The gateway's admin channel: HTTP on a Unix socket, never TCP, readable only by the user
 * the gateway runs as (mode 0600). The embedded database has one process, so while the
 * gateway holds its folder, `parcelgate-admin` runs its commands here, in that process.
 */
import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { DataDirLock } from '../store/lock/data-dir-lock.ts';
import type { AdminOperations } from './admin-operations.ts';
import { AdminRequestError, parseAdminRequest, runAdminRequest } from './admin-protocol.ts';

/** The socket's name in the data folder. */
export const ADMIN_SOCKET_NAME = 'admin.sock';
/** sun_path holds 108 bytes on Linux, 104 on macOS; keep clear of both. */
const MAX_SOCKET_PATH_BYTES = 100;
const MAX_REQUEST_BYTES = 64 * 1024;

/** A listening admin channel. */
export interface AdminSocket {
  readonly path: string;
  /** Unpublishes it from the lock, stops listening and removes the socket. */
  close(): Promise<void>;
}

/**
 * Serves `operations` on `<dataDir>/admin.sock` (or, when that path is too long for a
 * socket, in a private folder under the system's temporary folder) and records the path in
 * the folder's lock, where `parcelgate-admin` looks.
 */
export async function serveAdminSocket(
  operations: AdminOperations,
  lock: DataDirLock,
): Promise<AdminSocket> {
  const { path, privateFolder } = await socketPath(lock.dataDir);
  // Only the lock holder uses this path: a file left there is a killed gateway's socket.
  await rm(path, { force: true });
  const server = createServer((request, response) => {
    void answer(operations, request, response);
  });
  await listenPrivately(server, path);
  const removeOnExit = () => rmSync(privateFolder ?? path, { recursive: true, force: true });
  process.on('exit', removeOnExit);
  await lock.setAdminSocket(path);
  return {
    path,
    async close() {
      await lock.setAdminSocket(undefined);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      process.off('exit', removeOnExit);
      removeOnExit();
    },
  };
}

async function socketPath(dataDir: string) {
  const inFolder = join(dataDir, ADMIN_SOCKET_NAME);
  if (Buffer.byteLength(inFolder) <= MAX_SOCKET_PATH_BYTES) {
    return { path: inFolder, privateFolder: undefined };
  }
  // mkdtemp makes the folder 0700: nobody else can reach, replace or squat the socket.
  const privateFolder = await mkdtemp(join(tmpdir(), 'parcelgate-'));
  const path = join(privateFolder, ADMIN_SOCKET_NAME);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
    await rm(privateFolder, { recursive: true, force: true });
    throw new Error(
      `Neither ${inFolder} nor ${dirname(path)} is short enough for a Unix socket; set TMPDIR to a shorter folder`,
    );
  }
  return { path, privateFolder };
}

/** Listens on `path` created 0600: the umask covers the moment between bind and chmod. */
async function listenPrivately(server: ReturnType<typeof createServer>, path: string) {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Binding is synchronous in listen(), so the umask is restored before anything else runs.
    // Worker threads cannot set it (tests): there the chmod below is all.
    const previous = isMainThread ? process.umask(0o177) : undefined;
    try {
      server.listen(path, () => {
        server.off('error', reject);
        // A failed accept (too many open files) must not crash the gateway; the client retries.
        server.on('error', () => {});
        resolve();
      });
    } finally {
      if (previous !== undefined) {
        process.umask(previous);
      }
    }
  });
  await chmod(path, 0o600);
}

async function answer(
  operations: AdminOperations,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const send = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  try {
    if (request.method !== 'POST' || request.url !== '/admin') {
      send(404, { error: 'POST /admin is the only route' });
      return;
    }
    const command = parseAdminRequest(JSON.parse(await readBody(request)));
    send(200, { result: await runAdminRequest(operations, command) });
  } catch (error) {
    const bad = error instanceof AdminRequestError || error instanceof SyntaxError;
    send(bad ? 400 : 500, { error: error instanceof Error ? error.message : String(error) });
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > MAX_REQUEST_BYTES) {
      throw new AdminRequestError(`requests are at most ${MAX_REQUEST_BYTES} bytes`);
    }
  }
  return body;
}
