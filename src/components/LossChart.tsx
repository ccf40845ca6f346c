// Training loss per step (raw, faint, behind an EMA) and validation loss, with the n-gram
// baselines as reference lines; a click (or the select below) shows the sample taken at that
// step. The store can hold tens of thousands of points; the chart draws at most a few hundred
// rows, rebuilt only when the points change, so a render stays well under one frame's budget
// while the worker trains.
import { CHART_MARGIN, GRID_PROPS, STEP_AXIS_PROPS } from './chartStyle.ts';
import './insights.css';
import { memo, useCallback, useMemo, useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { buildChartRows, innerTicks, niceAxis, type ChartRow } from '../app/chartData.ts';
import { formatInt, formatLoss } from '../app/format.ts';
import { sampleForStep } from '../app/sampleLookup.ts';
import type { TrainingState, ValidationPoint } from '../app/store.ts';
import type { LossPoint } from '../workers/protocol.ts';
import { useTrainingState } from '../app/trainingContext.ts';
import { useThrottledValue } from '../app/useThrottledValue.ts';
import { Baselines, PlotClickArea, PointDots, StepMarker } from './ChartOverlays.tsx';
import { ChartSample } from './ChartSample.tsx';
import { PlainTick } from './ChartTick.tsx';

const selectTrain = (state: TrainingState) => state.trainLoss;
const selectVal = (state: TrainingState) => state.valLoss;
const selectBaselines = (state: TrainingState) => state.baselines;
const selectSamples = (state: TrainingState) => state.samples;
const selectRunId = (state: TrainingState) => state.runId;

/**
 * The plot redraws at most this often. Each recharts update costs tens of milliseconds of main
 * thread; twice a second still looks live, and the loss numbers above it update on every event.
 */
const PLOT_INTERVAL_MS = 500;

const COLORS = { raw: '#a5b4fc', smooth: '#4338ca', val: '#ea580c' };
const MARKER = '#7c3aed';

/**
 * Recharts' default tooltip is an assertive live region with role="status": it would interrupt
 * screen readers on every hover and compete with the page's status line. This one is plain text.
 */
function LossTooltip({ active, payload, label }: TooltipContentProps) {
  if (!active || payload.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <p>Step {formatInt(Number(label))}</p>
      <ul>
        {payload.map((entry) => (
          <li key={String(entry.name)}>
            {/* The series colour as a swatch: the raw line's pale colour is too faint for text. */}
            <span className="swatch" style={{ background: entry.color }} aria-hidden="true" />
            {entry.name}: {typeof entry.value === 'number' ? formatLoss(entry.value) : '—'}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface Series {
  train: readonly LossPoint[];
  val: readonly ValidationPoint[];
}

interface PlotProps {
  series: Series;
  baselines: TrainingState['baselines'];
  /** Step of the sample on show, marked by a vertical line; null for none. */
  marker: number | null;
  onPick: (step: number) => void;
}

// Recharts registers each child in its own store from effects (axes, lines, reference lines,
// legend entries), and a child that re-renders with new props registers again: every plotted
// value is recomputed and the chart renders a second time. So the children are elements made
// once (here, or memoised on what they show) and only `data` changes while the worker trains:
// React skips an element it has already rendered, and recharts redraws just the lines.
const GRID = <CartesianGrid {...GRID_PROPS} />;
const TOOLTIP = <Tooltip isAnimationActive={false} content={LossTooltip} />;
const LEGEND = <Legend verticalAlign="top" height={28} />;
const Y_LABEL = {
  value: 'Loss (nats per character)',
  angle: -90,
  position: 'insideLeft',
  style: { textAnchor: 'middle' },
} as const;
const LINES = [
  <Line
    key="raw"
    name="Training (raw)"
    dataKey="raw"
    stroke={COLORS.raw}
    strokeWidth={1}
    strokeOpacity={0.7}
    dot={false}
    activeDot={false}
    connectNulls
    isAnimationActive={false}
  />,
  <Line
    key="smooth"
    name="Training (smoothed)"
    dataKey="smooth"
    stroke={COLORS.smooth}
    strokeWidth={2}
    dot={false}
    connectNulls
    isAnimationActive={false}
  />,
  <Line
    key="val"
    name="Validation"
    dataKey="val"
    stroke={COLORS.val}
    strokeWidth={2}
    // Its dots are drawn by PointDots: recharts remounts a line's dots on every update.
    dot={false}
    connectNulls
    isAnimationActive={false}
  />,
];

const CHART_SIZE = { width: '100%', height: 320 };

/** `ticks`, as the same array while its numbers stay the same: a dependency for the axis memos. */
function useSameTicks(ticks: number[]): number[] {
  const key = ticks.join(' '); // numbers print and parse back exactly
  return useMemo(() => (key === '' ? [] : key.split(' ').map(Number)), [key]);
}

/** The validation points among the plotted rows. */
function validationPoints(rows: readonly ChartRow[]): { step: number; loss: number }[] {
  const out: { step: number; loss: number }[] = [];
  for (const row of rows) if (row.val !== undefined) out.push({ step: row.step, loss: row.val });
  return out;
}

/** Every value the loss axis must show: the plotted losses and the n-gram baselines. */
function* plottedLosses(
  rows: readonly ChartRow[],
  baselines: TrainingState['baselines'],
): Generator<number> {
  for (const row of rows) {
    if (row.raw !== undefined) yield row.raw;
    if (row.smooth !== undefined) yield row.smooth;
    if (row.val !== undefined) yield row.val;
  }
  for (const baseline of baselines) yield baseline.loss;
}

/**
 * The SVG itself: the expensive part, so it only re-renders when its (throttled) series change,
 * once per run when the baselines arrive, and on a click.
 */
const LossPlot = memo(function LossPlot({ series, baselines, marker, onPick }: PlotProps) {
  const rows = useMemo(() => buildChartRows(series.train, series.val), [series]);
  // Both axes get their ticks from here: recharts' own nice ticks use arbitrary-precision
  // decimals, and its default labels are measured in the DOM (a forced layout) to thin them out.
  // Each axis element changes only when its ticks do, not with every update.
  const xTicks = useSameTicks(innerTicks(rows[0]?.step ?? 0, rows.at(-1)?.step ?? 0));
  const stepAxis = useMemo(
    () => (
      <XAxis {...STEP_AXIS_PROPS} ticks={xTicks} niceTicks="none" interval={0} tick={PlainTick} />
    ),
    [xTicks],
  );
  const axis = useMemo(() => niceAxis(plottedLosses(rows, baselines), 7), [rows, baselines]);
  const [lo, hi] = axis.domain;
  const decimals = Math.max(1, axis.decimals);
  const yTicks = useSameTicks(axis.ticks);
  const yAxis = useMemo(
    () => (
      <YAxis
        type="number"
        domain={[lo, hi]}
        ticks={yTicks}
        niceTicks="none"
        interval={0}
        tick={PlainTick}
        tickFormatter={(v: number) => v.toFixed(decimals)}
        width={64}
        label={Y_LABEL}
      />
    ),
    [lo, hi, yTicks, decimals],
  );
  const valPoints = useMemo(() => validationPoints(rows), [rows]);
  // Mounted even while empty: recharts' first mount is its most expensive render, so it happens
  // at page load rather than as a long task just after Train.
  return (
    <div className="chart-area">
      {rows.length === 0 && (
        <p className="chart-empty">The loss curve appears here once training starts.</p>
      )}
      <LineChart responsive style={CHART_SIZE} data={rows} margin={CHART_MARGIN}>
        {GRID}
        {stepAxis}
        {yAxis}
        <Baselines baselines={baselines} />
        {marker !== null && <StepMarker step={marker} color={MARKER} />}
        {TOOLTIP}
        {LEGEND}
        {LINES}
        <PointDots points={valPoints} color={COLORS.val} />
        {/* Last, so it lies on top of the lines and takes every click in the plot. */}
        <PlotClickArea onPick={onPick} />
      </LineChart>
    </div>
  );
});

export function LossChart() {
  const train = useTrainingState(selectTrain);
  const val = useTrainingState(selectVal);
  const baselines = useTrainingState(selectBaselines);
  const samples = useTrainingState(selectSamples);
  const runId = useTrainingState(selectRunId);
  const series = useMemo<Series>(() => ({ train, val }), [train, val]);
  const plotted = useThrottledValue(series, PLOT_INTERVAL_MS);

  // The chosen step belongs to one run: a new run starts with nothing chosen.
  const [picked, setPicked] = useState<{ runId: number; step: number } | null>(null);
  const onPick = useCallback((step: number) => setPicked({ runId, step }), [runId]);
  // Memoised with ChartSample: the chart re-renders on every progress event, the sample only
  // when it changes.
  const shown = useMemo(
    () => (picked?.runId === runId ? sampleForStep(samples, picked.step) : null),
    [picked, runId, samples],
  );

  const lastTrain = train.at(-1)?.loss ?? null;
  const lastVal = val.at(-1)?.loss ?? null;

  return (
    <figure
      className="panel chart"
      aria-label="Loss chart"
      data-train-points={train.length}
      data-val-points={val.length}
      data-baselines={baselines.length}
    >
      <div className="chart-header">
        <h2>Loss</h2>
        <dl className="latest">
          <div>
            <dt>Training</dt>
            <dd data-testid="train-loss">{formatLoss(lastTrain)}</dd>
          </div>
          <div>
            <dt>Validation</dt>
            <dd data-testid="val-loss">{formatLoss(lastVal)}</dd>
          </div>
        </dl>
      </div>
      <LossPlot
        series={plotted}
        baselines={baselines}
        marker={shown?.sample.step ?? null}
        onPick={onPick}
      />
      <ChartSample samples={samples} shown={shown} onPick={onPick} />
      <figcaption>
        Cross-entropy of the next character, in nats: the smoothed line is an exponential moving
        average (0.9) of the raw per-step loss; validation loss is measured on held-out text.
        Uniform guessing over the vocabulary scores ln(vocabulary size); the dashed lines are n-gram
        (Markov chain) models of the same text. Click the chart to read the sample taken at that
        step.
      </figcaption>
    </figure>
  );
}
