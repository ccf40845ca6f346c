// `npm run bench` (after `vite build`): serves dist with vite preview on a free port, opens
// bench.html in headless Chromium with the e2e tests' flags, forwards the page's progress lines,
// then opens the app itself (index.html) in the same browser and measures its main thread while it
// trains, then prints the tables and writes bench-results/bench.json. Slow figures never fail it;
// only a harness failure (no browser, a bench page error, a timeout) exits non-zero.
//   npm run bench -- --short --backends=wasm,webgl --max-step-seconds=40 --timeout-minutes=30
//   npm run bench -- --backends=wasm --wasm-threads=1,2   (wasm once per thread count, same rows)
//   npm run bench -- --app-seconds=30   (the app trains 30 s; 0 skips it; default 20, short 8)
import { createServer } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { preview } from 'vite';
import playwrightConfig from '../../playwright.config.ts';
import {
  benchQuery,
  CONSOLE_ERROR,
  CONSOLE_PROGRESS,
  CONSOLE_RESULT,
  type BenchOptions,
  type BenchReport,
} from '../../src/workers/bench/types.ts';
import { measureApp } from './appLongTasks.ts';
import { argument, benchOptions } from './arguments.ts';
import type { AppFigures } from './longTasks.ts';
import { loadNow, reportRun } from './output.ts';

interface Arguments {
  options: BenchOptions;
  timeoutMs: number;
  /** Seconds the app trains after its first step; 0: not measured. */
  appSeconds: number;
}

function parseArguments(): Arguments {
  const args = process.argv.slice(2);
  const options = benchOptions(args, ['timeout-minutes=', 'app-seconds=']);
  const appSeconds = Number(argument(args, 'app-seconds') ?? (options.short ? 8 : 20));
  if (!(appSeconds >= 0)) throw new Error('--app-seconds takes a number of seconds, 0 to skip');
  const timeoutMs = Number(argument(args, 'timeout-minutes') ?? 30) * 60_000;
  return { options, timeoutMs, appSeconds };
}

/** A port nothing listens on now: bench runs beside the e2e tests' fixed 4173. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Chromium flags from playwright.config.ts, so the bench sees the backends the tests see. */
function launchOptions() {
  const configured = playwrightConfig.use?.launchOptions ?? {};
  return {
    ...configured,
    executablePath: process.env.CHROMIUM_PATH ?? configured.executablePath ?? '/usr/bin/chromium',
    headless: true,
  };
}

async function runBenchPage(
  browser: Browser,
  url: string,
  timeoutMs: number,
): Promise<BenchReport> {
  const page = await browser.newPage();
  try {
    const result = new Promise<BenchReport>((resolve, reject) => {
      page.on('console', (message) => {
        const text = message.text();
        if (text.startsWith(CONSOLE_PROGRESS)) {
          console.log(`  ${text.slice(CONSOLE_PROGRESS.length).trim()}`);
        } else if (text.startsWith(CONSOLE_RESULT)) {
          resolve(JSON.parse(text.slice(CONSOLE_RESULT.length)) as BenchReport);
        } else if (text.startsWith(CONSOLE_ERROR)) {
          reject(new Error(text.slice(CONSOLE_ERROR.length).trim()));
        } else if (message.type() === 'error' || message.type() === 'warning') {
          // tfjs's own warnings (e.g. on a backend's start) say why something is slow or absent.
          console.log(`  (${message.type()}) ${text}`);
        }
      });
      page.on('pageerror', (e) => reject(e));
      setTimeout(() => reject(new Error(`no result after ${timeoutMs / 60_000} min`)), timeoutMs);
    });
    await page.goto(url);
    return await result;
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const { options, timeoutMs, appSeconds } = parseArguments();
  const port = await freePort();
  const server = await preview({
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const browser = await chromium.launch(launchOptions());
  try {
    const origin = `http://127.0.0.1:${port}`;
    const url = `${origin}/bench.html${benchQuery(options)}`;
    console.log(`bench: ${url}`);
    const loadBefore = loadNow();
    const report = await runBenchPage(browser, url, timeoutMs);
    let app: AppFigures | null = null;
    if (appSeconds > 0) {
      console.log(
        `  app: ${origin}/, Train with the defaults, ${appSeconds} s after the first step`,
      );
      app = await measureApp(browser, origin, appSeconds);
    }
    await reportRun(report, { script: 'bench', loadBefore, app, file: 'bench.json' });
  } finally {
    await browser.close();
    await server.close();
  }
}

main().then(
  // The browser's and the server's handles could keep Node alive; the work is done.
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
