// Inside the network, LSTMVis style: a snippet coloured by one hidden unit or gate, chosen from
// a grid of all units, refreshed every few steps while training so attendees can watch units
// specialise (quotes, line ends, digits of a sum).
import { startTransition, useCallback, useId, useMemo, useState } from 'react';
import { MAX_INSPECT_CHARS } from '../workers/protocol.ts';
import { formatInt } from '../app/format.ts';
import {
  formatActivation,
  gateDomain,
  gateNote,
  unitMeans,
  unitValues,
} from '../app/activationScale.ts';
import { clipCodePoints, visibleChar } from '../app/nextChars.ts';
import { latestSampleText } from '../app/sampleLookup.ts';
import { useTrainingState } from '../app/trainingContext.ts';
import { useInspection, type InspectionResult } from '../app/useInspection.ts';
import { ActivationLegend, ColouredSnippet, UnitGrid } from './ActivationViews.tsx';

/** Inspect asks for next-character probabilities too; this panel needs none, so the fewest. */
const TOP_K = 1;
const EMPTY = new Float32Array();

/** Where the unit is highest and lowest: the colours in words. */
function extremesText(chars: readonly string[], values: readonly number[]): string {
  if (values.length === 0) return '';
  let hi = 0;
  let lo = 0;
  values.forEach((v, t) => {
    if (v > values[hi]!) hi = t;
    if (v < values[lo]!) lo = t;
  });
  const at = (t: number) => `“${visibleChar(chars[t] ?? '')}” (${formatActivation(values[t]!)})`;
  return `Highest at ${at(hi)}, lowest at ${at(lo)}.`;
}

function Activations({ result }: { result: InspectionResult }) {
  const id = useId();
  const [layer, setLayer] = useState(0);
  const [gate, setGate] = useState('hidden');
  const [unit, setUnit] = useState(0);
  // A new run may have fewer layers, other gates or fewer units: fall back to what exists.
  const l = Math.min(layer, result.activations.length - 1);
  const g = result.gates.includes(gate) ? gate : 'hidden';
  const u = Math.min(unit, result.hiddenSize - 1);
  const positions = result.chars.length;
  const all = result.activations[l]?.[result.gates.indexOf(g)] ?? EMPTY;

  const means = useMemo(
    () => unitMeans(all, positions, result.hiddenSize),
    [all, positions, result.hiddenSize],
  );
  const values = unitValues(all, positions, result.hiddenSize, u);
  const domain = gateDomain(g, values);
  const gridDomain = useMemo(() => gateDomain(g, means), [g, means]);
  // Recolouring 400 characters is a transition: the arrow keys stay responsive while it renders.
  const chooseUnit = useCallback((next: number) => startTransition(() => setUnit(next)), []);

  return (
    <>
      <div className="inside-controls">
        <div className="field">
          <label htmlFor={`${id}-layer`}>Layer</label>
          <select id={`${id}-layer`} value={l} onChange={(e) => setLayer(Number(e.target.value))}>
            {result.activations.map((_, i) => (
              <option key={i} value={i}>
                Layer {i + 1}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-gate`}>Gate</label>
          <select id={`${id}-gate`} value={g} onChange={(e) => setGate(e.target.value)}>
            {result.gates.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="muted inside-caption">
        Unit {u + 1} of {formatInt(result.hiddenSize)}, {g}, layer {l + 1}: weights of step{' '}
        {formatInt(result.step)}. {extremesText(result.chars, values)}
      </p>
      <ColouredSnippet
        chars={result.chars}
        values={values}
        domain={domain}
        describedBy={`${id}-legend`}
      />
      <ActivationLegend id={`${id}-legend`} domain={domain} note={gateNote(g)} />
      <h3>Units</h3>
      <p className="hint">Each square: the unit’s mean over the snippet. Pick one to colour by.</p>
      <UnitGrid means={means} domain={gridDomain} selected={u} onSelect={chooseUnit} />
    </>
  );
}

export function InsidePanel() {
  const id = useId();
  const latestSample = useTrainingState(latestSampleText);
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? latestSample;
  const { result, error } = useInspection(clipCodePoints(text, MAX_INSPECT_CHARS), TOP_K);

  return (
    <section className="panel inside" aria-label="Inside the network">
      <h2>Inside the network</h2>
      <div className="field">
        <label htmlFor={`${id}-snippet`}>Snippet</label>
        <textarea
          id={`${id}-snippet`}
          className="mono-input"
          rows={3}
          value={text}
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setTyped(e.target.value)}
        />
        <span id={`${id}-hint`} className="hint">
          Up to {MAX_INSPECT_CHARS} characters; refreshed every few steps while training.
        </span>
      </div>
      <div className="inline-buttons">
        {/* Back to following the latest sample, as new ones arrive. */}
        <button type="button" onClick={() => setTyped(null)} disabled={latestSample === ''}>
          Use latest sample
        </button>
      </div>
      <div aria-live="polite">{error !== null && <p className="error-text">{error}</p>}</div>
      {text === '' && <p className="muted">Type a snippet (or train until a sample appears).</p>}
      {result !== null && text !== '' && <Activations result={result} />}
    </section>
  );
}
