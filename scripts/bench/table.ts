// The benchmark's printed table: one line per backend and configuration, plain text that reads in
// a terminal and pastes into the README as-is.
import type { BenchReport, BenchRow, TrainerFigures } from '../../src/workers/bench/types.ts';

export const int = (x: number | null) => (x === null ? '-' : Math.round(x).toLocaleString('en-US'));
const dec = (x: number | null, digits: number) => (x === null ? '-' : x.toFixed(digits));
const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`);

/** chars/s, or why there is none. */
function speed(f: TrainerFigures): string {
  if (f.status === 'ok') return int(f.charsPerSecond);
  return f.status === 'skipped' ? 'skipped' : 'failed';
}

const HEADER = [
  'backend',
  'config',
  'ours c/s',
  'ref c/s',
  'ratio',
  'mm256',
  'mm B·H',
  'mm TB·H',
  'mm mix',
  'MFLOP/c',
  'util ours (256/mix)',
  'util ref (256/mix)',
  'tensors ours',
  'tensors ref',
  'steps o/r',
  'loss o/r',
  'gen c/s',
];

function cells(
  label: string,
  row: BenchRow,
  matMul256: number | null,
  generation: number | null,
): string[] {
  const { ours, reference: ref, matMul } = row;
  const tensors = (f: TrainerFigures) =>
    f.tensorsBefore === null ? '-' : `${f.tensorsBefore}->${f.tensorsAfter}`;
  return [
    label,
    row.config.name,
    speed(ours),
    speed(ref),
    row.ratio === null ? '-' : `${row.ratio.toFixed(2)}x`,
    dec(matMul256, 2),
    dec(matMul?.perStep ?? null, 2),
    dec(matMul?.wholeSequence ?? null, 2),
    dec(matMul?.mix ?? null, 2),
    dec(row.flopsPerChar / 1e6, 2),
    `${pct(ours.utilisation256)}/${pct(ours.utilisationStep)}`,
    `${pct(ref.utilisation256)}/${pct(ref.utilisationStep)}`,
    tensors(ours),
    tensors(ref),
    `${ours.steps}/${ref.steps}`,
    `${dec(ours.finalLoss, 2)}/${dec(ref.finalLoss, 2)}`,
    int(generation),
  ];
}

/** Columns padded to their widest cell, a rule under the header (the first row). */
export function padTable(rows: string[][]): string[] {
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...rows.map((r) => (r[c] ?? '').length)),
  );
  const lines = rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join(' | ')
      .trimEnd(),
  );
  if (lines.length > 0) lines.splice(1, 0, lines[0]!.replace(/[^|]/g, '-'));
  return lines;
}

/** The table, then the notes: backends that did not start, rows skipped or failed and why. */
export function formatReport(report: BenchReport): string {
  const rows: string[][] = [HEADER];
  const notes: string[] = [];
  for (const b of report.backends) {
    if (!b.started) {
      notes.push(`${b.label}: did not start: ${b.reason}`);
      continue;
    }
    notes.push(`${b.label}: ${b.detail}`);
    if (b.stockMatMul256 !== null) {
      notes.push(
        `${b.label}: mm is our own product (src/model/matMul.ts's kernel); tf.matMul, which the ` +
          `reference runs, did ${dec(b.stockMatMul256, 2)} GFLOP/s at 256^3`,
      );
    }
    const gen = b.generation;
    if (gen?.reason) notes.push(`${b.label}: generation failed: ${gen.reason}`);
    for (const row of b.rows) {
      rows.push(cells(b.label, row, b.matMul256, gen?.charsPerSecond ?? null));
      for (const [who, f] of [
        ['ours', row.ours],
        ['reference', row.reference],
      ] as const) {
        if (f.status !== 'ok') notes.push(`${b.label} ${row.config.name} ${who}: ${f.reason}`);
      }
    }
  }
  return [
    ...padTable(rows),
    '',
    'c/s: characters per second. mm: GFLOP/s of the product our trainer calls (tf.matMul, or',
    'our own, see notes) at 256^3, [B,H]x[H,GH] (one timestep), [T*B,H]x[H,GH] (whole sequence)',
    'and their FLOP-weighted blend for the step. util: chars/s x FLOPs/char over that rate at',
    '256^3 / at the blend. gen: generation at 2x512, one char at a time. tensors:',
    'tf.memory().numTensors before -> after the timed window.',
    '',
    ...notes,
    `${report.hardwareConcurrency} cores, crossOriginIsolated ${report.crossOriginIsolated}, ` +
      `${Math.round(report.seconds)} s; ${report.userAgent}`,
  ].join('\n');
}
