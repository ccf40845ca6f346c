// `npm run bench` (after `vite build`): serves dist with vite preview on a free port, opens
// bench.html in headless Chromium with the e2e tests' flags, forwards the page's progress lines,
// then opens the app itself (index.html) in the same browser and measures its main thread while it
// trains, then prints the tables and writes bench-results/bench.json. Slow figures never fail it;
// only a harness failure (no browser, a bench page error, a timeout) exits non-zero.
//   npm run bench -- --short --backends=wasm,webgl --max-step-seconds=40 --timeout-minutes=30
//   npm run bench -- --backends=wasm --wasm-threads=1,2   (wasm once per thread count, same rows)
//   npm run bench -- --app-seconds=30   (the app trains 30 s; 0 skips it; default 20, short 8)
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { preview } from 'vite';
import playwrightConfig from '../../playwright.config.ts';
import { BACKENDS } from '../../src/workers/protocol.ts';
import {
  benchQuery,
  CONSOLE_ERROR,
  CONSOLE_PROGRESS,
  CONSOLE_RESULT,
  DEFAULT_MAX_STEP_SECONDS,
  parseThreadCounts,
  type BenchOptions,
  type BenchReport,
} from '../../src/workers/bench/types.ts';
import { measureApp } from './appLongTasks.ts';
import type { AppFigures } from './longTasks.ts';
import { formatApp, formatTensorCounts } from './sections.ts';
import { formatReport } from './table.ts';

const OUT_DIR = 'bench-results';

function argument(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

interface Arguments {
  options: BenchOptions;
  timeoutMs: number;
  /** Seconds the app trains after its first step; 0: not measured. */
  appSeconds: number;
}

function parseArguments(): Arguments {
  const known =
    /^--(short|backends=.*|max-step-seconds=.*|timeout-minutes=.*|wasm-threads=.*|app-seconds=.*|no-fused|only=.*)$/;
  const unknown = process.argv.slice(2).filter((a) => !known.test(a));
  if (unknown.length > 0) throw new Error(`Unknown arguments: ${unknown.join(' ')}`);
  const asked = (argument('backends') ?? BACKENDS.join(',')).split(',');
  const backends = BACKENDS.filter((b) => asked.includes(b));
  if (backends.length !== asked.length) throw new Error(`--backends takes ${BACKENDS.join(',')}`);
  const maxStepSeconds = Number(argument('max-step-seconds') ?? DEFAULT_MAX_STEP_SECONDS);
  if (!(maxStepSeconds > 0)) throw new Error('--max-step-seconds takes a positive number');
  const threadList = argument('wasm-threads') ?? '';
  const wasmThreads = parseThreadCounts(threadList);
  if (wasmThreads.length !== (threadList === '' ? 0 : threadList.split(',').length)) {
    throw new Error('--wasm-threads takes positive whole numbers, e.g. 1,2');
  }
  const short = process.argv.includes('--short');
  const appSeconds = Number(argument('app-seconds') ?? (short ? 8 : 20));
  if (!(appSeconds >= 0)) throw new Error('--app-seconds takes a number of seconds, 0 to skip');
  const fused = !process.argv.includes('--no-fused');
  const options = {
    backends,
    short,
    maxStepSeconds,
    wasmThreads,
    fused,
    only: argument('only') ?? null,
  };
  return { options, timeoutMs: Number(argument('timeout-minutes') ?? 30) * 60_000, appSeconds };
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
    const args = process.argv.slice(2);
    const loadBefore = loadavg()[0] ?? 0;
    const report = await runBenchPage(browser, url, timeoutMs);
    let app: AppFigures | null = null;
    if (appSeconds > 0) {
      console.log(
        `  app: ${origin}/, Train with the defaults, ${appSeconds} s after the first step`,
      );
      app = await measureApp(browser, origin, appSeconds);
    }
    // Other work on a 2-core machine skews every figure: the load says how much to trust them.
    const host = {
      command: ['npm run bench', ...(args.length > 0 ? ['--', ...args] : [])].join(' '),
      loadAverage1m: { before: loadBefore, after: loadavg()[0] ?? 0 },
    };
    console.log(`\n${formatReport(report)}`);
    const tensorCounts = formatTensorCounts(report);
    if (tensorCounts !== '') console.log(`\n${tensorCounts}`);
    if (app !== null) console.log(`\n${formatApp(app)}`);
    console.log(
      `${host.command}; 1-minute load average ${host.loadAverage1m.before.toFixed(1)} before, ` +
        `${host.loadAverage1m.after.toFixed(1)} after`,
    );
    await mkdir(OUT_DIR, { recursive: true });
    const json = JSON.stringify({ ...report, app, host }, null, 2);
    await writeFile(`${OUT_DIR}/bench.json`, `${json}\n`);
    console.log(`\nwrote ${OUT_DIR}/bench.json`);
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
