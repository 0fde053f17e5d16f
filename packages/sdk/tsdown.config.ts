import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', openapi: 'src/openapi.ts' },
  format: 'esm',
  // Neutral: no Node built-ins are assumed, so the bundle runs in any fetch runtime.
  platform: 'neutral',
  target: 'es2023',
  dts: true,
  sourcemap: true,
  clean: true,
});
