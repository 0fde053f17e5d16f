/**
 * The Parcelgate gateway, for tests, benchmarks and scripts: `buildApp` builds it without
 * listening. `main.ts` is the process entry.
 *
 * @packageDocumentation
 */
export { type BuildAppOptions, buildApp, type GatewayApp } from './app.ts';
export type { GatewayConfig } from './config/gateway-config.ts';
export { ConfigError, loadConfig } from './config/load-config.ts';
export { openDatabase } from './store/database.ts';
export { migrate } from './store/migrate.ts';
