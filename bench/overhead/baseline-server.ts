/** What the two baseline servers share: their settings and their readiness line. */
import type { Server } from 'node:http';

/** An environment variable the baseline cannot run without. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} must be set`);
  }
  return value;
}

/**
 * Listens on 127.0.0.1:`PORT` and prints `listening on <url>`, the line the bench waits
 * for; SIGTERM closes the server so the process exits on its own.
 */
export async function listenAndAnnounce(server: Server): Promise<void> {
  const port = Number(requiredEnv('PORT'));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  console.log(`listening on http://127.0.0.1:${port}`);
  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
