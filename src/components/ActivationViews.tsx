// The pieces of the "Inside the network" panel: the snippet painted by one unit, the grid of all
// units to pick from (roving tab stop, arrow keys), and the colour legend.
import { memo, useRef, type KeyboardEvent } from 'react';
import {
  activationColor,
  formatActivation,
  legendGradient,
  type Domain,
} from '../app/activationScale.ts';
import { visibleChar } from '../app/nextChars.ts';

interface SnippetProps {
  chars: readonly string[];
  values: readonly number[];
  domain: Domain;
  describedBy: string;
}

/** Every character on the colour of the chosen unit's value at that position (LSTMVis style). */
export function ColouredSnippet({ chars, values, domain, describedBy }: SnippetProps) {
  return (
    // Focusable: a long snippet scrolls, and keyboard users must be able to scroll it too.
    <pre className="activation-text" aria-describedby={describedBy} tabIndex={0}>
      {chars.map((char, t) => {
        const value = values[t] ?? 0;
        const { background, color } = activationColor(value, domain);
        return (
          <span
            key={t}
            style={{ background, color }}
            title={`${visibleChar(char)} ${formatActivation(value)}`}
            data-value={value.toFixed(3)}
          >
            {/* A newline gets a visible mark, or its colour would be invisible at the line end. */}
            {char === '\n' ? '↵\n' : char}
          </span>
        );
      })}
    </pre>
  );
}

/** Narrow layers fit 16 to a row; wide ones use 32 so the grid stays a compact block. */
export function gridColumns(units: number): number {
  return units <= 64 ? 16 : 32;
}

interface GridProps {
  means: ArrayLike<number>;
  domain: Domain;
  selected: number;
  onSelect: (unit: number) => void;
}

interface UnitButtonProps {
  unit: number;
  mean: number;
  domain: Domain;
  selected: boolean;
  onSelect: (unit: number) => void;
}

/** Memoised: choosing another unit re-renders two buttons, not all of a 1,024-unit layer. */
const UnitButton = memo(function UnitButton({
  unit,
  mean,
  domain,
  selected,
  onSelect,
}: UnitButtonProps) {
  const { background, color } = activationColor(mean, domain);
  return (
    <button
      type="button"
      className="unit"
      aria-label={`Unit ${unit + 1}`}
      aria-pressed={selected}
      tabIndex={selected ? 0 : -1}
      data-unit={unit}
      title={`Unit ${unit + 1}: mean ${formatActivation(mean)}`}
      style={{ background, color }}
      onClick={() => onSelect(unit)}
    >
      {unit + 1}
    </button>
  );
});

/**
 * All units of the layer, each on the colour of its mean over the snippet, so the busy ones stand
 * out. One tab stop (the selected unit); the arrow keys, Home and End move within the grid.
 * `domain` and `onSelect` should be stable (memoised) for the buttons' memo to hold.
 */
export function UnitGrid({ means, domain, selected, onSelect }: GridProps) {
  const grid = useRef<HTMLDivElement>(null);
  const count = means.length;
  const columns = gridColumns(count);

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns,
      ArrowUp: -columns,
      Home: -count,
      End: count,
    };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    // From the focused button: the selection renders as a transition and may lag a fast key.
    const focused = Number((event.target as HTMLElement).dataset.unit ?? selected);
    const next = Math.max(0, Math.min(count - 1, focused + move));
    onSelect(next);
    grid.current?.querySelector<HTMLButtonElement>(`[data-unit="${next}"]`)?.focus();
  };

  return (
    <div
      ref={grid}
      role="group"
      aria-label="Units"
      className="unit-grid"
      style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
      onKeyDown={onKeyDown}
    >
      {Array.from(means, (mean, unit) => (
        <UnitButton
          key={unit}
          unit={unit}
          mean={mean}
          domain={domain}
          selected={unit === selected}
          onSelect={onSelect}
        />
      ))}
    </div>
  );
}

/** The scale's colours and values, so the colours can be read as numbers. */
export function ActivationLegend({
  id,
  domain,
  note,
}: {
  id: string;
  domain: Domain;
  note: string;
}) {
  const diverging = domain.min < 0;
  return (
    <div className="activation-legend" id={id}>
      <div
        className="legend-bar"
        style={{ background: legendGradient(domain) }}
        aria-hidden="true"
      />
      <div className="legend-ticks" aria-hidden="true">
        <span>{formatActivation(domain.min)}</span>
        {diverging && <span>0</span>}
        <span>{formatActivation(domain.max)}</span>
      </div>
      <p className="hint">
        {diverging
          ? `Blue ${formatActivation(domain.min)}, white 0, red ${formatActivation(domain.max)}.`
          : `White ${formatActivation(domain.min)} to red ${formatActivation(domain.max)}.`}{' '}
        {note}
      </p>
    </div>
  );
}
