// Compare runs: tick two or more saved (or imported) runs to overlay their loss curves, one colour
// per run (solid: training, smoothed; dashed: validation), with their settings side by side and
// the settings that differ marked.
import { CHART_MARGIN, GRID_PROPS, STEP_AXIS_PROPS } from './chartStyle.ts';
import './runs.css';
import { useId, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { compareRows, runCurves, settingsRows, RUN_COLOURS } from '../app/compareRuns.ts';
import type { SavedRun } from '../app/savedRun.ts';

function CompareChart({ runs }: { runs: readonly SavedRun[] }) {
  const curves = useMemo(() => runCurves(runs), [runs]);
  const rows = useMemo(() => compareRows(curves), [curves]);
  return (
    <figure className="chart-area" aria-label="Loss curves of the compared runs">
      <LineChart
        responsive
        style={{ width: '100%', height: 300 }}
        data={rows}
        margin={CHART_MARGIN}
      >
        <CartesianGrid {...GRID_PROPS} />
        <XAxis {...STEP_AXIS_PROPS} />
        <YAxis
          type="number"
          domain={['auto', 'auto']}
          tickFormatter={(v: number) => v.toFixed(1)}
          width={48}
        />
        <Tooltip isAnimationActive={false} />
        <Legend verticalAlign="top" height={28} />
        {curves.map((curve, i) => (
          <Line
            key={`train-${curve.id}`}
            name={curve.name}
            dataKey={`train${i}`}
            stroke={curve.colour}
            strokeWidth={2}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
        {curves.map((curve, i) => (
          <Line
            key={`val-${curve.id}`}
            name={`${curve.name} (validation)`}
            dataKey={`val${i}`}
            stroke={curve.colour}
            strokeDasharray="5 4"
            dot={{ r: 2 }}
            connectNulls
            legendType="none"
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      <figcaption className="muted">
        Solid: training loss (smoothed). Dashed: validation loss.
      </figcaption>
    </figure>
  );
}

function SettingsTable({ runs }: { runs: readonly SavedRun[] }) {
  const rows = useMemo(() => settingsRows(runs), [runs]);
  return (
    <div className="compare-table-wrap">
      <table className="compare-table">
        <caption className="muted">Settings side by side; highlighted rows differ.</caption>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            {runs.map((run, i) => (
              <th key={run.id} scope="col">
                <span
                  className="compare-swatch"
                  style={{ background: RUN_COLOURS[i % RUN_COLOURS.length] }}
                />
                {run.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.label}
              className={row.differs ? 'differs' : undefined}
              data-differs={row.differs}
            >
              <th scope="row">
                {row.label}
                {row.differs && <span className="sr-only"> (differs)</span>}
              </th>
              {row.values.map((value, i) => (
                <td key={runs[i]!.id}>{row.differs ? <mark>{value}</mark> : value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ComparePanel({ runs }: { runs: readonly SavedRun[] }) {
  const id = useId();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  // In list order, and only runs that still exist (a deleted run leaves the comparison).
  const chosen = useMemo(() => runs.filter((run) => picked.has(run.id)), [runs, picked]);
  const toggle = (runId: string, on: boolean) =>
    setPicked((set) => {
      const next = new Set(set);
      if (on) next.add(runId);
      else next.delete(runId);
      return next;
    });

  return (
    <section className="panel" aria-label="Compare runs">
      <h2>Compare runs</h2>
      {runs.length < 2 ? (
        <p className="muted">Save or import two runs to compare them here.</p>
      ) : (
        <fieldset className="compare-picks">
          <legend>Runs to compare</legend>
          {runs.map((run) => (
            <div key={run.id} className="check-row">
              <input
                id={`${id}-${run.id}`}
                type="checkbox"
                checked={picked.has(run.id)}
                onChange={(e) => toggle(run.id, e.target.checked)}
              />
              <label htmlFor={`${id}-${run.id}`}>{run.name}</label>
            </div>
          ))}
        </fieldset>
      )}
      {chosen.length === 1 && <p className="muted">Tick at least one more run.</p>}
      {chosen.length >= 2 && (
        <>
          <CompareChart runs={chosen} />
          <SettingsTable runs={chosen} />
        </>
      )}
    </section>
  );
}
