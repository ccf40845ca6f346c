// The benchmark's two smaller sections: our trainer's tensor count over many steps (per backend)
// and the app's main thread while it trains. Plain text, like table.ts.
import type { BenchReport, TensorCountFigures } from '../../src/workers/bench/types.ts';
import type { AppFigures, LongFrame } from './longTasks.ts';
import { int, padTable } from './table.ts';

const ms = (x: number) => `${int(x)} ms`;

/** "1,000" or "200 of 1,000": the steps that ran, and the target when fewer ran. */
export function stepsCell(f: TensorCountFigures): string {
  return f.steps === f.targetSteps ? int(f.steps) : `${int(f.steps)} of ${int(f.targetSteps)}`;
}

/** Tensors (and kB) after the sample at `step`, or "-" when that step did not run. */
function sampleCell(f: TensorCountFigures, step: number | 'last'): string {
  const s =
    step === 'last' ? f.samples[f.samples.length - 1] : f.samples.find((x) => x.step === step);
  return s === undefined ? '-' : `${s.numTensors} (${(s.numBytes / 1024).toFixed(1)} kB)`;
}

export function verdictCell(f: TensorCountFigures): string {
  if (f.status !== 'ok' || f.flat === null) return 'failed';
  if (f.flat) return 'flat';
  const sign = (f.tensorGrowth ?? 0) >= 0 ? '+' : '';
  return `NOT flat (${sign}${f.tensorGrowth} tensors, ${sign}${f.byteGrowth} B)`;
}

export function formatTensorCounts(report: BenchReport): string {
  const measured = report.backends.filter((b) => b.tensorCount);
  if (measured.length === 0) return '';
  const rows = [
    [
      'backend',
      'config',
      'steps',
      'after 1',
      'after 10',
      'after 100',
      'after 1,000',
      'last',
      'verdict',
      's',
      'model made/disposed',
    ],
  ];
  const notes: string[] = [];
  for (const b of measured) {
    const f = b.tensorCount!;
    const c = f.config;
    rows.push([
      b.label,
      `${c.name}, batch ${c.batch}, seq ${c.seqLen}`,
      stepsCell(f),
      sampleCell(f, 1),
      sampleCell(f, 10),
      sampleCell(f, 100),
      sampleCell(f, 1000),
      sampleCell(f, 'last'),
      verdictCell(f),
      f.seconds.toFixed(1),
      `${f.tensorsBeforeModel}->${f.tensorsAfterDispose ?? '-'}`,
    ]);
    if (f.shortfall !== null) notes.push(`${b.label}: ${f.shortfall}`);
    if (f.reason !== null) notes.push(`${b.label}: ${f.reason}`);
  }
  return [
    'Tensor count of our trainer (tf.memory() after the step, its loss read back and disposed;',
    'flat: every count equals the count after step 1; the loss is read back every 50 steps):',
    ...padTable(rows),
    ...notes,
  ].join('\n');
}

/** "Worker.onmessage 80 ms (index-abc.js)", the frame's longest scripts. */
function frameScripts(frame: LongFrame): string {
  const scripts = [...frame.scripts].sort((a, b) => b.duration - a.duration).slice(0, 3);
  if (scripts.length === 0) return 'no script (rendering)';
  return scripts
    .map((s) => {
      const file = s.sourceURL.split('/').pop() ?? '';
      const fn = s.sourceFunctionName === '' ? '' : ` ${s.sourceFunctionName}`;
      return `${s.invoker}${fn} ${ms(s.duration)}${file === '' ? '' : ` (${file})`}`;
    })
    .join(', ');
}

export function formatApp(app: AppFigures): string {
  const title = 'App main thread while training (index.html, default corpus and settings)';
  if (app.status !== 'ok') return `${title}: failed: ${app.reason}`;
  const software = app.software ? ' (software)' : '';
  const train = app.trainSeconds ?? 0;
  const rate = train > 0 ? ` (${(app.stepUpdates / train).toFixed(1)}/s)` : '';
  const rows = [
    [
      'backend',
      'trained',
      'long tasks',
      'longest',
      'total',
      'blocking',
      'frames',
      'longest gap',
      'step updates',
      'steps shown',
    ],
    [
      `${app.backend ?? '?'}${software}`,
      `${(app.startSeconds ?? 0).toFixed(1)} s to step 1, then ${train.toFixed(1)} s`,
      String(app.longTasks.count),
      app.longTasks.count === 0 ? '-' : ms(app.longTasks.longestMs),
      ms(app.longTasks.totalMs),
      ms(app.longTasks.blockingMs),
      int(app.frames),
      ms(app.longestFrameGapMs),
      `${app.stepUpdates}${rate}`,
      `${app.firstStep ?? '-'} -> ${app.lastStep ?? '-'}`,
    ],
  ];
  const load = app.loadLongTasks;
  const notes = [
    'From the click on Train. long tasks: over 50 ms; blocking: their time beyond 50 ms (TBT);',
    'frames: animation frames painted; step updates: frames that showed a new step.',
    `Before the click (page load, excluded): ${load.count} long tasks, longest ${ms(load.longestMs)}.`,
  ];
  for (const frame of app.longestFrames.slice(0, 5)) {
    notes.push(
      `Long frame at +${(frame.start / 1000).toFixed(1)} s: ${ms(frame.duration)} ` +
        `(blocking ${ms(frame.blockingDuration)}, rendering ${ms(frame.renderDuration)}): ` +
        frameScripts(frame),
    );
  }
  if (app.consoleErrors.length > 0) notes.push(`Console errors: ${app.consoleErrors.join(' | ')}`);
  return [`${title}:`, ...padTable(rows), ...notes].join('\n');
}
