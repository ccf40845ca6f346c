// Exact-match accuracy of the sums the network writes for held-out addition problems, measured at
// each sample point. Only the addition corpus reports it, so elsewhere this draws nothing.
import { CHART_MARGIN, GRID_PROPS, STEP_AXIS_PROPS } from './chartStyle.ts';
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { formatInt } from '../app/format.ts';
import type { TrainingState } from '../app/store.ts';
import { useTrainingState } from '../app/trainingContext.ts';

const selectAccuracy = (state: TrainingState) => state.accuracy;

// Made once: recharts registers its children in its store again whenever they re-render with new
// props (a fresh formatter, a fresh dot object), and every registration recomputes the chart.
// With constant elements only `data` changes when a point arrives (see LossChart).
const CHART_SIZE = { width: '100%', height: 180 };
const CHART_CHILDREN = [
  <CartesianGrid key="grid" {...GRID_PROPS} />,
  <XAxis key="x" {...STEP_AXIS_PROPS} />,
  <YAxis
    key="y"
    type="number"
    domain={[0, 100]}
    ticks={[0, 25, 50, 75, 100]}
    niceTicks="none"
    tickFormatter={(v: number) => `${v}%`}
    width={48}
  />,
  <Line
    key="accuracy"
    name="Exact-match accuracy"
    dataKey="accuracy"
    stroke="#067647"
    strokeWidth={2}
    dot={{ r: 3 }}
    isAnimationActive={false}
  />,
];

/** "42 %": whole percentages; the worker scores tens of problems, so decimals would be noise. */
export function formatAccuracy(accuracy: number): string {
  return Number.isFinite(accuracy) ? `${Math.round(accuracy * 100)} %` : '—';
}

export function AccuracyChart() {
  const points = useTrainingState(selectAccuracy);
  // A handful of points per epoch: cheap to redraw whenever one arrives, no throttling needed.
  const rows = useMemo(
    () => points.map((p) => ({ step: p.step, accuracy: p.accuracy * 100 })),
    [points],
  );
  const latest = points.at(-1);
  if (latest === undefined) return null;

  return (
    <figure
      className="panel chart accuracy-chart"
      aria-label="Addition accuracy"
      data-points={points.length}
    >
      <div className="chart-header">
        <h2>Addition accuracy</h2>
        <dl className="latest">
          <div>
            <dt>At step {formatInt(latest.step)}</dt>
            <dd data-testid="accuracy">{formatAccuracy(latest.accuracy)}</dd>
          </div>
        </dl>
      </div>
      {/* No recharts Tooltip: its default is a role="status" live region, and the page has one. */}
      <LineChart responsive style={CHART_SIZE} data={rows} margin={CHART_MARGIN}>
        {CHART_CHILDREN}
      </LineChart>
      <figcaption>
        Share of held-out sums (such as 216+648=864) that the network completes exactly, answering
        greedily after the “=”.
      </figcaption>
    </figure>
  );
}
