// An axis tick label as a plain SVG <text>. Recharts' default draws each label with its <Text>,
// which measures every word in the DOM (a forced layout for each new label) and evaluates CSS
// calc() with arbitrary-precision decimals: the most expensive part of a chart update while the
// worker trains. Axis labels are one short word each, so none of that is needed.
import type { BaseTickContentProps } from 'recharts';

/** Where recharts' <Text> puts the first line relative to y: below, centred on or above it. */
const BASELINE_SHIFT = { start: '0.71em', middle: '0.355em', end: '0em' } as const;

export function PlainTick({
  x,
  y,
  payload,
  index,
  tickFormatter,
  textAnchor,
  verticalAnchor,
  fill,
  className,
}: BaseTickContentProps) {
  const value: unknown = payload.value;
  const label = tickFormatter === undefined ? String(value) : String(tickFormatter(value, index));
  return (
    <text
      x={x}
      y={y}
      className={`recharts-text ${className ?? ''}`}
      textAnchor={textAnchor}
      fill={fill}
      stroke="none"
    >
      <tspan x={x} dy={BASELINE_SHIFT[verticalAnchor]}>
        {label}
      </tspan>
    </text>
  );
}
