import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { tfjsWasmThreads } from './scripts/vite/tfjsWasmThreads.ts';

// Cross-origin isolation lets tfjs's wasm backend use threads (SharedArrayBuffer). Everything the
// page loads is same-origin, so require-corp costs nothing.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  // tfjs pulls in top-level await, so workers must be ES modules. tfjs runs only in workers, where
  // its threaded wasm module needs a patch to start threads (see the plugin).
  worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
  // Pre-bundle tfjs up front; otherwise the dev server discovers it when the worker first imports it
  // and reloads the page mid-run.
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgpu',
      'recharts',
    ],
    // The dev server serves tfjs pre-bundled, past the worker plugins above.
    rolldownOptions: { plugins: [tfjsWasmThreads()] },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Two pages: the app, and the benchmark that `npm run bench` drives (issue 7).
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        bench: fileURLToPath(new URL('bench.html', import.meta.url)),
      },
    },
  },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
});
