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
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { buildChartRows } from '../app/chartData.ts';
import { formatInt, formatLoss } from '../app/format.ts';
import { sampleForStep } from '../app/sampleLookup.ts';
import type { TrainingState, ValidationPoint } from '../app/store.ts';
import type { LossPoint } from '../workers/protocol.ts';
import { useTrainingState } from '../app/trainingContext.ts';
import { useThrottledValue } from '../app/useThrottledValue.ts';
import { BaselineLabels, PlotClickArea } from './ChartOverlays.tsx';
import { ChartSample } from './ChartSample.tsx';

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
/** Reference lines stay in the background: dashed, grey, labelled at the right. */
const BASELINE_STROKE = '#9ca3af';
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

/**
 * The SVG itself: the expensive part, so it only re-renders when its (throttled) series change,
 * once per run when the baselines arrive, and on a click.
 */
const LossPlot = memo(function LossPlot({ series, baselines, marker, onPick }: PlotProps) {
  const rows = useMemo(() => buildChartRows(series.train, series.val), [series]);
  // Mounted even while empty: recharts' first mount is its most expensive render, so it happens
  // at page load rather than as a long task just after Train.
  return (
    <div className="chart-area">
      {rows.length === 0 && (
        <p className="chart-empty">The loss curve appears here once training starts.</p>
      )}
      <LineChart
        responsive
        style={{ width: '100%', height: 320 }}
        data={rows}
        margin={CHART_MARGIN}
      >
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...STEP_AXIS_PROPS} />
        <YAxis
          type="number"
          domain={['auto', 'auto']}
          tickFormatter={(v: number) => v.toFixed(1)}
          width={64}
          label={{
            value: 'Loss (nats per character)',
            angle: -90,
            position: 'insideLeft',
            style: { textAnchor: 'middle' },
          }}
        />
        {baselines.map((baseline) => (
          <ReferenceLine
            key={baseline.order}
            y={baseline.loss}
            stroke={BASELINE_STROKE}
            strokeDasharray="6 4"
            // Widen the axis to show every baseline, even those far below the loss so far.
            ifOverflow="extendDomain"
          />
        ))}
        {marker !== null && <ReferenceLine x={marker} stroke={MARKER} strokeDasharray="2 2" />}
        <Tooltip isAnimationActive={false} content={LossTooltip} />
        <Legend verticalAlign="top" height={28} />
        <Line
          name="Training (raw)"
          dataKey="raw"
          stroke={COLORS.raw}
          strokeWidth={1}
          strokeOpacity={0.7}
          dot={false}
          activeDot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          name="Training (smoothed)"
          dataKey="smooth"
          stroke={COLORS.smooth}
          strokeWidth={2}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          name="Validation"
          dataKey="val"
          stroke={COLORS.val}
          strokeWidth={2}
          dot={{ r: 3 }}
          connectNulls
          isAnimationActive={false}
        />
        <BaselineLabels baselines={baselines} />
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
