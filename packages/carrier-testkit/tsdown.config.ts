import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: 'esm',
  // Node only: msw/node and the simulator control API need Node's fetch and sockets.
  platform: 'node',
  // .js like the rest of the workspace ("type": "module"), not tsdown's node default .mjs.
  fixedExtension: false,
  target: 'es2023',
  dts: true,
  sourcemap: true,
  clean: true,
});
