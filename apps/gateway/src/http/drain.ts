import type { FastifyInstance } from 'fastify';

/** How often a draining server closes the connections that went idle since. */
const REAP_EVERY_MS = 50;

/**
 * Drains the server when the app closes (SIGTERM): Fastify stops accepting connections
 * and answers requests arriving on kept-alive ones `503` with `Connection: close`
 * (`return503OnClosing`); this adds what it leaves out. Connections idle after their last
 * answer are closed at once, instead of waiting out the keep-alive timeout while the close
 * waits for them. (Answers under way are not marked `Connection: close`: Node would then
 * drop the 503 of a request pipelined behind them.) After `graceMs` the connections still
 * open are closed, so a hung request cannot hold the stop; the jobs and writers stop after
 * it (onClose hooks).
 */
export function installDrain(app: FastifyInstance, options: { readonly graceMs: number }): void {
  let reaper: NodeJS.Timeout | undefined;
  let cutoff: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    const { server } = app;
    reaper = setInterval(() => server.closeIdleConnections(), REAP_EVERY_MS);
    reaper.unref();
    cutoff = setTimeout(() => {
      app.log.warn(
        { graceMs: options.graceMs },
        'requests still under way after the shutdown grace: closing their connections',
      );
      server.closeAllConnections();
    }, options.graceMs);
    cutoff.unref();
    server.once('close', () => {
      clearInterval(reaper);
      clearTimeout(cutoff);
    });
  });
  // When the server was never listening, 'close' may not come: clear the timers anyway.
  app.addHook('onClose', async () => {
    clearInterval(reaper);
    clearTimeout(cutoff);
  });
}
