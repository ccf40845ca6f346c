// The bench page's script: starts the benchmark worker with the options in the query string and
// relays its messages to the console, where scripts/bench/run-bench.ts reads them, and to the
// page, for a person who opens bench.html. Uses only what both the DOM and the WebWorker typings
// declare (it is typechecked with the worker's), plus a structural view of the one element.
import {
  CONSOLE_ERROR,
  CONSOLE_PROGRESS,
  CONSOLE_RESULT,
  parseBenchOptions,
  type BenchMessage,
} from './types.ts';

interface LogElement {
  textContent: string | null;
}
interface DocumentLike {
  getElementById(id: string): LogElement | null;
}

const log = (globalThis as { document?: DocumentLike }).document?.getElementById('log') ?? null;

function show(line: string): void {
  if (log) log.textContent = `${log.textContent ?? ''}${line}\n`;
}

const options = parseBenchOptions(location.search);
const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });

worker.onmessage = (e: MessageEvent<BenchMessage>) => {
  const message = e.data;
  if (message.type === 'progress') {
    console.log(`${CONSOLE_PROGRESS} ${message.line}`);
    show(message.line);
  } else if (message.type === 'done') {
    console.log(`${CONSOLE_RESULT} ${JSON.stringify(message.report)}`);
    show(`done in ${Math.round(message.report.seconds)} s`);
  } else {
    console.error(`${CONSOLE_ERROR} ${message.message}`);
    show(`error: ${message.message}`);
  }
};
worker.onerror = (e: ErrorEvent) => {
  console.error(`${CONSOLE_ERROR} the worker failed: ${e.message}`);
  show(`error: ${e.message}`);
};
worker.postMessage(options);
