import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', bin: 'src/bin.ts' },
  format: 'esm',
  // A command line runs on Node: it reads files, the environment and the terminal.
  platform: 'node',
  // .js, as package.json's exports and bin name them ("type": "module" makes them ESM).
  fixedExtension: false,
  target: 'node22',
  dts: true,
  sourcemap: true,
  clean: true,
});
