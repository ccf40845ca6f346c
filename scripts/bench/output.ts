// What both bench runners do with a finished report: print its tables with the command and the
// machine's load around the run (other work on a 2-core machine skews every figure), and write
// it as JSON under bench-results/.
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import type { BenchReport } from '../../src/workers/bench/types.ts';
import type { AppFigures } from './longTasks.ts';
import { formatApp, formatTensorCounts } from './sections.ts';
import { formatReport } from './table.ts';

const OUT_DIR = 'bench-results';

/** The 1-minute load average now, to pass back to `reportRun` as the load before the run. */
export const loadNow = (): number => loadavg()[0] ?? 0;

export async function reportRun(
  report: BenchReport,
  run: { script: string; loadBefore: number; app: AppFigures | null; file: string },
): Promise<void> {
  const args = process.argv.slice(2);
  const host = {
    command: [`npm run ${run.script}`, ...(args.length > 0 ? ['--', ...args] : [])].join(' '),
    loadAverage1m: { before: run.loadBefore, after: loadNow() },
  };
  console.log(`\n${formatReport(report)}`);
  const tensorCounts = formatTensorCounts(report);
  if (tensorCounts !== '') console.log(`\n${tensorCounts}`);
  if (run.app !== null) console.log(`\n${formatApp(run.app)}`);
  console.log(
    `${host.command}; 1-minute load average ${host.loadAverage1m.before.toFixed(1)} before, ` +
      `${host.loadAverage1m.after.toFixed(1)} after`,
  );
  await mkdir(OUT_DIR, { recursive: true });
  const json = JSON.stringify({ ...report, app: run.app, host }, null, 2);
  await writeFile(`${OUT_DIR}/${run.file}`, `${json}\n`);
  console.log(`\nwrote ${OUT_DIR}/${run.file}`);
}
