// Parts of the loss plot drawn inside recharts' SVG with its scale hooks: the n-gram baselines
// and their labels, kept apart where the lines crowd, the marker of the chosen step, the
// validation points, and the click target that turns a point of the plot into the step under it.
// Drawn here rather than as recharts' ReferenceLine and line dots: those register themselves in
// recharts' store again whenever the data changes (the dots are even remounted), and each such
// registration recomputes the whole chart, a long task on every update while the worker trains.
import { memo, type MouseEvent } from 'react';
import {
  DefaultZIndexes,
  usePlotArea,
  useXAxisInverseScale,
  useXAxisScale,
  useYAxisScale,
  ZIndexLayer,
} from 'recharts';
import { baselineLabel, spreadLabels } from '../app/chartData.ts';

/** Label line height, px: the labels' font is 11 px. */
const LABEL_GAP = 13;

interface Baseline {
  order: number;
  loss: number;
}

/** Reference lines stay in the background: dashed, grey, labelled at the right. */
const BASELINE_STROKE = '#9ca3af';

/**
 * Each baseline as a dashed line across the plot, under the curves, with "order-1 n-gram 2.45"
 * at its right end, just above it. The loss axis' domain takes in every baseline.
 */
export const Baselines = memo(function Baselines({
  baselines,
}: {
  baselines: readonly Baseline[];
}) {
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (y === undefined || plot === undefined || baselines.length === 0) return null;
  const at = baselines.map((b) => y(b.loss) ?? plot.y);
  const wanted = at.map((v) => v - 3);
  const placed = spreadLabels(wanted, LABEL_GAP, plot.y + LABEL_GAP, plot.y + plot.height - 2);
  return (
    <g className="baselines">
      {baselines.map((baseline, i) => (
        <line
          key={baseline.order}
          className="baseline-line"
          x1={plot.x}
          x2={plot.x + plot.width}
          y1={at[i]}
          y2={at[i]}
          stroke={BASELINE_STROKE}
          strokeDasharray="6 4"
        />
      ))}
      {baselines.map((baseline, i) => (
        <text
          key={baseline.order}
          x={plot.x + plot.width - 4}
          y={placed[i]}
          textAnchor="end"
          fontSize={11}
          fill="#4b5563"
          // A white halo keeps the label readable where it crosses the curves.
          stroke="#ffffff"
          strokeWidth={3}
          paintOrder="stroke"
        >
          {baselineLabel(baseline)}
        </text>
      ))}
    </g>
  );
});

/** A vertical dashed line at the step whose sample is on show. */
export const StepMarker = memo(function StepMarker({
  step,
  color,
}: {
  step: number;
  color: string;
}) {
  const x = useXAxisScale();
  const plot = usePlotArea();
  const at = x?.(step);
  if (plot === undefined || at === undefined || at < plot.x || at > plot.x + plot.width)
    return null;
  return (
    <line
      className="step-marker"
      x1={at}
      x2={at}
      y1={plot.y}
      y2={plot.y + plot.height}
      stroke={color}
      strokeDasharray="2 2"
    />
  );
});

/** The validation losses as dots (white, ringed in the line's colour), above the curves. */
export const PointDots = memo(function PointDots({
  points,
  color,
}: {
  points: readonly { step: number; loss: number }[];
  color: string;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  if (x === undefined || y === undefined || points.length === 0) return null;
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
      <g className="point-dots">
        {points.map((p) => {
          const cx = x(p.step);
          const cy = y(p.loss);
          if (cx === undefined || cy === undefined) return null;
          return (
            <circle key={p.step} cx={cx} cy={cy} r={3} fill="#fff" stroke={color} strokeWidth={2} />
          );
        })}
      </g>
    </ZIndexLayer>
  );
});

/**
 * A transparent layer over the plot: a click picks the step under the pointer. It works from the
 * pointer's position (not from the tooltip's state, which a tap or a quick click may not have
 * set yet); moves still bubble to the chart, so the tooltip follows the pointer as before.
 */
export const PlotClickArea = memo(function PlotClickArea({
  onPick,
}: {
  onPick: (step: number) => void;
}) {
  const plot = usePlotArea();
  const toStep = useXAxisInverseScale();
  if (plot === undefined || toStep === undefined) return null;
  const onClick = (event: MouseEvent<SVGRectElement>) => {
    const svg = event.currentTarget.ownerSVGElement;
    if (svg === null) return;
    const step = Number(toStep(event.clientX - svg.getBoundingClientRect().left));
    if (Number.isFinite(step)) onPick(Math.round(step));
  };
  return (
    <rect
      className="plot-click-area"
      x={plot.x}
      y={plot.y}
      width={plot.width}
      height={plot.height}
      fill="transparent"
      onClick={onClick}
    />
  );
});
