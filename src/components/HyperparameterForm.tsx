// The run's settings: a preset, then the model, training and sampling groups, then the backend.
// Number fields hold the text as typed, so a half-typed "0.0" or an out-of-range value stays on
// screen with its message instead of snapping to a number the user did not enter.
import { memo, useId } from 'react';
import type { BackendChoice } from '../workers/protocol.ts';
import { BACKEND_CHOICES } from '../app/urlState.ts';
import type { FieldsProps } from './FormFields.tsx';
import { ModelFields, SamplingFields, TrainingFields } from './FieldGroups.tsx';
import { PresetPicker } from './PresetPicker.tsx';
import { useControlRule } from '../app/lessonContext.ts';
import { LockNote } from './FormFields.tsx';

const BACKEND_LABELS: Record<BackendChoice, string> = {
  auto: 'Auto',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'CPU',
};

interface Props extends FieldsProps {
  presetId: string | null;
  presetNote: string | null;
  onPreset: (id: string) => void;
  backend: BackendChoice;
  onBackendChange: (backend: BackendChoice) => void;
  /** Why the URL's backend was ignored, if it was. */
  backendNotes: readonly string[];
}

export const HyperparameterForm = memo(function HyperparameterForm(props: Props) {
  const { presetId, presetNote, onPreset, backend, onBackendChange, backendNotes } = props;
  const idPrefix = useId();
  const titleId = `${idPrefix}-title`;
  const backendId = `${idPrefix}-backend`;
  const backendNoteId = `${idPrefix}-backend-note`;
  const editable = props.mode === 'edit';
  const backendRule = useControlRule('backend');

  return (
    <form
      className="panel hyper-form"
      noValidate
      onSubmit={(e) => e.preventDefault()}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>Hyperparameters</h2>
      {props.mode === 'live' && (
        <p className="muted live-hint">
          A run is active: only the learning rate and the sample temperature can change now.
        </p>
      )}
      <PresetPicker presetId={presetId} note={presetNote} onApply={onPreset} disabled={!editable} />
      <ModelFields fields={props} />
      <TrainingFields fields={props} />
      <SamplingFields fields={props} />
      <div className="field backend-field" hidden={backendRule === 'hidden'}>
        <label htmlFor={backendId}>Backend</label>
        <select
          id={backendId}
          value={backend}
          disabled={!editable || backendRule === 'locked'}
          onChange={(e) => {
            const choice = BACKEND_CHOICES.find((c) => c === e.target.value);
            if (choice !== undefined) onBackendChange(choice);
          }}
          aria-describedby={backendNotes.length > 0 ? backendNoteId : undefined}
        >
          {BACKEND_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {BACKEND_LABELS[choice]}
            </option>
          ))}
        </select>
        {backendRule === 'locked' && <LockNote id={`${backendId}-lock`} />}
        {backendNotes.length > 0 && (
          <span id={backendNoteId} className="note">
            {backendNotes.join(' ')}
          </span>
        )}
      </div>
    </form>
  );
});
