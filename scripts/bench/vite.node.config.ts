// `npm run bench:node:bundle`: scripts/bench/node-bench.ts and everything it imports (tfjs
// included) as one folder of plain JavaScript, dist-node/, for a machine with Node but no
// registry (a lent GPU machine): carry dist-node and the `webgpu` package's linux-x64 build,
// which stays outside the bundle (a native addon). See the README's "Speed" section.
import { defineConfig } from 'vite';

export default defineConfig({
  // No public/ copy: the bench reads no corpus.
  publicDir: false,
  build: {
    ssr: 'scripts/bench/node-bench.ts',
    outDir: 'dist-node',
    target: 'node20',
    emptyOutDir: true,
    rolldownOptions: {
      external: ['webgpu'],
      // .mjs: Node reads them as ES modules without a package.json beside them.
      output: { entryFileNames: '[name].mjs', chunkFileNames: 'assets/[name]-[hash].mjs' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
