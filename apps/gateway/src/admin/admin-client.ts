import { request as httpRequest } from 'node:http';
import type { AdminKey, AdminOperations, CreatedKey } from './admin-operations.ts';
import type { AdminRequest } from './admin-protocol.ts';

/** How long one command may take through the gateway (a busy embedded database). */
const REQUEST_TIMEOUT_MS = 60_000;

/** The admin commands, run by the gateway listening on the Unix socket `socketPath`. */
export function adminOverSocket(socketPath: string): AdminOperations {
  const send = <Result>(command: AdminRequest) => call<Result>(socketPath, command);
  return {
    migrate: () => send<string[]>({ op: 'migrate' }),
    createKey: (tenant, label) =>
      send<CreatedKey>({ op: 'keys.create', tenant, ...(label === undefined ? {} : { label }) }),
    revokeKey: (keyId) => send<boolean>({ op: 'keys.revoke', keyId }),
    listKeys: (tenant) =>
      send<AdminKey[]>({ op: 'keys.list', ...(tenant === undefined ? {} : { tenant }) }),
  };
}

function call<Result>(socketPath: string, command: AdminRequest): Promise<Result> {
  return new Promise<Result>((resolve, reject) => {
    const body = JSON.stringify(command);
    const outgoing = httpRequest(
      {
        socketPath,
        method: 'POST',
        path: '/admin',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: REQUEST_TIMEOUT_MS,
        agent: false,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => {
          try {
            const answer = JSON.parse(text) as { result?: Result; error?: string };
            if (response.statusCode === 200) {
              resolve(answer.result as Result);
            } else {
              reject(new Error(answer.error ?? `the gateway answered ${response.statusCode}`));
            }
          } catch {
            reject(
              new Error(`the gateway's admin channel answered ${response.statusCode}: ${text}`),
            );
          }
        });
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`no answer on ${socketPath} in ${REQUEST_TIMEOUT_MS / 1000} s`)),
    );
    outgoing.on('error', (error) =>
      reject(new Error(`the gateway's admin channel ${socketPath} failed: ${error.message}`)),
    );
    outgoing.end(body);
  });
}
