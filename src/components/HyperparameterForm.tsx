// The run's settings. Fields hold the text as typed, so a half-typed "0.0" or an out-of-range value
// stays on screen with its message instead of snapping to a number the user did not enter.
import { memo, useId } from 'react';
import type { BackendChoice, Hyperparameters } from '../workers/protocol.ts';
import { BOUNDS } from '../model/config.ts';
import { BACKEND_CHOICES } from '../app/urlState.ts';
import type { HyperparameterErrors, HyperparameterText } from '../app/hyperparameters.ts';

type HyperparameterKey = keyof Hyperparameters;

/** Form order: the model's shape, then how it is trained, then how it is sampled. */
const FIELD_ORDER: readonly HyperparameterKey[] = [
  'layers',
  'hiddenSize',
  'seqLen',
  'batchSize',
  'learningRate',
  'epochs',
  'temperature',
  'seed',
];

const HINTS: Record<HyperparameterKey, string> = {
  layers: 'Stacked LSTM layers.',
  hiddenSize: 'Units per layer.',
  seqLen: 'Characters per training window.',
  batchSize: 'Windows per step.',
  learningRate: 'Adam step size.',
  epochs: 'Passes over the text; fractions allowed.',
  temperature: 'Lower is safer, higher is wilder.',
  seed: 'Same seed, same run.',
};

const BACKEND_LABELS: Record<BackendChoice, string> = {
  auto: 'Auto',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'CPU',
};

interface Props {
  values: HyperparameterText;
  errors: HyperparameterErrors;
  onChange: (key: HyperparameterKey, text: string) => void;
  backend: BackendChoice;
  onBackendChange: (backend: BackendChoice) => void;
  /** Why the URL's backend was ignored, if it was. */
  backendNotes: readonly string[];
  disabled: boolean;
}

function isBackendChoice(value: string): value is BackendChoice {
  return (BACKEND_CHOICES as readonly string[]).includes(value);
}

export const HyperparameterForm = memo(function HyperparameterForm({
  values,
  errors,
  onChange,
  backend,
  onBackendChange,
  backendNotes,
  disabled,
}: Props) {
  const idPrefix = useId();
  const backendId = `${idPrefix}-backend`;
  const backendNoteId = `${idPrefix}-backend-note`;

  return (
    <form className="panel" noValidate onSubmit={(e) => e.preventDefault()}>
      {/* A disabled fieldset disables every control in it while a run uses these values. */}
      <fieldset disabled={disabled}>
        <legend className="panel-title">Hyperparameters</legend>
        <div className="hyper-grid">
          {FIELD_ORDER.map((key) => {
            const bound = BOUNDS[key];
            const id = `${idPrefix}-${key}`;
            const hintId = `${id}-hint`;
            const errorId = `${id}-error`;
            const error = errors[key];
            return (
              <div className="field" key={key}>
                <label htmlFor={id}>{bound.label}</label>
                <input
                  id={id}
                  type="number"
                  inputMode="decimal"
                  min={bound.min}
                  max={bound.max}
                  // Integers step by one; real-valued fields by their smallest legal value.
                  step={bound.integer ? 1 : bound.min}
                  value={values[key]}
                  onChange={(e) => onChange(key, e.target.value)}
                  aria-invalid={error !== undefined}
                  aria-describedby={error !== undefined ? `${errorId} ${hintId}` : hintId}
                />
                <span id={hintId} className="hint">
                  {HINTS[key]}
                </span>
                {error !== undefined && (
                  <span id={errorId} className="field-error">
                    {error}
                  </span>
                )}
              </div>
            );
          })}
          <div className="field field-wide">
            <label htmlFor={backendId}>Backend</label>
            <select
              id={backendId}
              value={backend}
              onChange={(e) => {
                if (isBackendChoice(e.target.value)) onBackendChange(e.target.value);
              }}
              aria-describedby={backendNotes.length > 0 ? backendNoteId : undefined}
            >
              {BACKEND_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {BACKEND_LABELS[choice]}
                </option>
              ))}
            </select>
            {backendNotes.length > 0 && (
              <span id={backendNoteId} className="note">
                {backendNotes.join(' ')}
              </span>
            )}
          </div>
        </div>
      </fieldset>
    </form>
  );
});
