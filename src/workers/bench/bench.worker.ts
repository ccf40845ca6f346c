// The benchmark worker: runs the bench (runBench.ts) in a worker like the app's trainer, with the
// backends configured as the app configures them, so the figures are the ones the app can reach.
import { errorMessage } from './figures.ts';
import { runBench } from './runBench.ts';
import { startBackend } from './startBackend.ts';
import type { BenchMessage, BenchOptions } from './types.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: BenchMessage): void {
  scope.postMessage(message);
}

async function run(options: BenchOptions): Promise<void> {
  const report = await runBench(options, {
    progress: (line) => post({ type: 'progress', line }),
    start: startBackend,
    environment: {
      userAgent: scope.navigator.userAgent,
      hardwareConcurrency: scope.navigator.hardwareConcurrency,
      crossOriginIsolated: scope.crossOriginIsolated,
    },
  });
  post({ type: 'done', report });
}

scope.onmessage = (e: MessageEvent<BenchOptions>) => {
  run(e.data).catch((error: unknown) => post({ type: 'error', message: errorMessage(error) }));
};
