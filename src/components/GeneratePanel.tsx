// Generate from the current weights (training running, paused, stopped or done) or, to compare,
// from an n-gram Markov chain of the same corpus. Characters stream into the output as the worker
// samples them; Stop generating ends it early.
import { useId, useState, type FormEvent } from 'react';
import {
  DEFAULT_GENERATE_FIELDS,
  MAX_GENERATE_LENGTH,
  MAX_TEMPERATURE,
  SOURCE_OPTIONS,
  checkGenerateFields,
  describeSource,
  describeTemperature,
  type CheckedGenerate,
  type GenerateFields,
  type GenerateRequest,
} from '../app/generateForm.ts';
import { useTrainingState } from '../app/trainingContext.ts';
import type { Generation } from '../app/useGeneration.ts';

interface GeneratePanelProps {
  generation: Generation;
  onGenerate: (request: GenerateRequest) => void;
  onStop: () => void;
}

type FieldError = Extract<CheckedGenerate, { ok: false }>;

function GeneratedText({ generation }: { generation: Generation }) {
  const { request, chunks, running } = generation;
  const count = chunks.reduce((n, chunk) => n + [...chunk].length, 0);
  return (
    // A log: screen readers hear the additions, and aria-busy holds them back until it is done.
    <pre
      className="generated"
      role="log"
      aria-label="Generated text"
      aria-live="polite"
      aria-busy={running}
      data-chars={count}
    >
      {request !== null && request.prime !== '' && (
        <mark className="prime" title="Prime: the text generation starts from">
          {request.prime}
        </mark>
      )}
      {/* One node per chunk, so each arrival is an addition rather than a rewrite of the text. */}
      {chunks.map((chunk, i) => (
        <span key={i}>{chunk}</span>
      ))}
    </pre>
  );
}

function GenerationMessage({ generation }: { generation: Generation }) {
  const { request, running, stopping, error, outcome } = generation;
  let text = '';
  if (error !== null) text = error;
  else if (stopping) text = 'Stopping…';
  else if (running && request !== null) text = `Generating from ${describeSource(request.source)}…`;
  else if (outcome !== null) text = outcome;
  // Always mounted: a live region must exist before its text changes to be announced.
  return (
    <p className={error !== null ? 'error-text' : 'gen-message muted'} aria-live="polite">
      {text}
    </p>
  );
}

export function GeneratePanel({ generation, onGenerate, onStop }: GeneratePanelProps) {
  const id = useId();
  // Until the user types a prime, the one the run's samples start from.
  const defaultPrime = useTrainingState((s) => s.samples[0]?.prime ?? '');
  const [typedPrime, setTypedPrime] = useState<string | null>(null);
  const [fields, setFields] = useState<Omit<GenerateFields, 'prime'>>(DEFAULT_GENERATE_FIELDS);
  const [invalid, setInvalid] = useState<FieldError | null>(null);
  const prime = typedPrime ?? defaultPrime;

  const set = (patch: Partial<GenerateFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    setInvalid(null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkGenerateFields({ ...fields, prime });
    if (!checked.ok) {
      setInvalid(checked);
      return;
    }
    setInvalid(null);
    onGenerate(checked.request);
  };

  const errorFor = (field: FieldError['field']) =>
    invalid?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};

  return (
    <section className="panel generate" aria-label="Generate">
      <h2>Generate</h2>
      <form className="generate-form" onSubmit={onSubmit} noValidate>
        <div className="field field-wide">
          <label htmlFor={`${id}-prime`}>Prime</label>
          <textarea
            id={`${id}-prime`}
            className="mono-input"
            rows={2}
            value={prime}
            spellCheck={false}
            onChange={(e) => setTypedPrime(e.target.value)}
          />
          <span className="hint">The text generation continues; it may be empty.</span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-length`}>Length</label>
          <input
            id={`${id}-length`}
            type="number"
            min={1}
            max={MAX_GENERATE_LENGTH}
            value={fields.length}
            onChange={(e) => set({ length: e.target.value })}
            {...errorFor('length')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-topk`}>Top-k</label>
          <input
            id={`${id}-topk`}
            type="number"
            min={0}
            placeholder="all"
            value={fields.topK}
            onChange={(e) => set({ topK: e.target.value })}
            aria-describedby={invalid?.field === 'topK' ? `${id}-error` : `${id}-topk-hint`}
            aria-invalid={invalid?.field === 'topK' || undefined}
          />
          <span id={`${id}-topk-hint`} className="hint">
            Empty or 0: every character.
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-temperature`}>Temperature</label>
          <input
            id={`${id}-temperature`}
            type="range"
            min={0}
            max={MAX_TEMPERATURE}
            step={0.05}
            value={fields.temperature}
            aria-valuetext={describeTemperature(fields.temperature)}
            onChange={(e) => set({ temperature: Number(e.target.value) })}
          />
          <span className="hint" aria-hidden="true">
            {describeTemperature(fields.temperature)}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-source`}>Source</label>
          <select
            id={`${id}-source`}
            value={fields.source}
            onChange={(e) => set({ source: e.target.value })}
          >
            {SOURCE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {invalid !== null && (
          <p id={`${id}-error`} className="field-error field-wide">
            {invalid.error}
          </p>
        )}
        <div className="buttons field-wide">
          <button type="submit" className="primary">
            Generate
          </button>
          <button type="button" onClick={onStop} disabled={!generation.running}>
            Stop generating
          </button>
        </div>
      </form>
      <GenerationMessage generation={generation} />
      <GeneratedText generation={generation} />
    </section>
  );
}
