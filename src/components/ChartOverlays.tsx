// Parts of the loss plot drawn inside recharts' SVG with its scale hooks: the n-gram baselines'
// labels, kept apart where the lines crowd, and the click target that turns a point of the plot
// into the step under it.
import type { MouseEvent } from 'react';
import { usePlotArea, useXAxisInverseScale, useYAxisScale } from 'recharts';
import { baselineLabel, spreadLabels } from '../app/chartData.ts';

/** Label line height, px: the labels' font is 11 px. */
const LABEL_GAP = 13;

interface Baseline {
  order: number;
  loss: number;
}

/** "order-1 n-gram 2.45" at the right end of each baseline, just above its line. */
export function BaselineLabels({ baselines }: { baselines: readonly Baseline[] }) {
  const y = useYAxisScale();
  const plot = usePlotArea();
  if (y === undefined || plot === undefined || baselines.length === 0) return null;
  const wanted = baselines.map((b) => (y(b.loss) ?? plot.y) - 3);
  const placed = spreadLabels(wanted, LABEL_GAP, plot.y + LABEL_GAP, plot.y + plot.height - 2);
  return (
    <g className="baseline-labels">
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
}

/**
 * A transparent layer over the plot: a click picks the step under the pointer. It works from the
 * pointer's position (not from the tooltip's state, which a tap or a quick click may not have
 * set yet); moves still bubble to the chart, so the tooltip follows the pointer as before.
 */
export function PlotClickArea({ onPick }: { onPick: (step: number) => void }) {
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
}
