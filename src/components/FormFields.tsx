// The form's building blocks: a labelled number field, select and checkbox, each with its hint,
// its inline error (aria-invalid + aria-describedby) and, for live fields, a note saying what the
// running model now uses.
import { useId, type ReactNode } from 'react';
import { BOUNDS } from '../model/config.ts';
import type {
  FormPatch,
  FormState,
  HyperparameterErrors,
  NumericKey,
} from '../app/hyperparameters.ts';
import { isLiveKey, type LiveNotes } from '../app/useLiveSettings.ts';
import { LOCK_NOTE, type ControlKey } from '../app/lessonLink.ts';
import { useControlRule } from '../app/lessonContext.ts';

/**
 * 'edit': everything can change (no run alive). 'live': a run is running or paused, so only the
 * learning rate and the temperature can change (sent to it). 'locked': the worker is starting.
 */
export type FormMode = 'edit' | 'live' | 'locked';

/** What every field group needs: the form's state, its errors, and how to change it. */
export interface FieldsProps {
  form: FormState;
  errors: HyperparameterErrors;
  mode: FormMode;
  liveNotes: LiveNotes;
  onText: (key: NumericKey, text: string) => void;
  /** Blur or Enter in a field: a live change is sent now instead of after the debounce. */
  onCommit: (key: NumericKey) => void;
  onPatch: (patch: FormPatch) => void;
}

/** Arrow-key steps of the real-valued fields ('any': no step, any value is fine). */
const STEPS: Partial<Record<NumericKey, number | 'any'>> = {
  dropout: 0.05,
  learningRate: 'any',
  clipNorm: 0.5,
  epochs: 'any',
  valFraction: 0.05,
  temperature: 0.1,
};

function describedBy(...ids: (string | false)[]): string | undefined {
  const list = ids.filter((id): id is string => id !== false);
  return list.length > 0 ? list.join(' ') : undefined;
}

interface FieldFrameProps {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  note?: string | undefined;
  wide?: boolean;
  /** A lesson link fixed this field: say so next to it. */
  locked?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, control, hint, live note and error, in that order, with the ids wired up. */
function FieldFrame({ id, label, hint, error, note, wide, locked, children }: FieldFrameProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const noteId = `${id}-note`;
  const lockId = `${id}-lock`;
  const lockedId = locked === true && lockId;
  return (
    <div className={wide === true ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(
        describedBy(error !== undefined && errorId, note !== undefined && noteId, lockedId, hintId),
      )}
      {locked === true && <LockNote id={lockId} />}
      <span id={hintId} className="hint">
        {hint}
      </span>
      {/* Polite, not a status role: the Training panel's status line is the page's one status. */}
      {note !== undefined && (
        <span id={noteId} className="live-note" aria-live="polite">
          {note}
        </span>
      )}
      {error !== undefined && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** "Locked by this lesson", next to a control a lesson link fixed. */
export function LockNote({ id }: { id: string }) {
  return (
    <span id={id} className="lock-note">
      {LOCK_NOTE}
    </span>
  );
}

interface NumberFieldProps {
  field: NumericKey;
  hint: string;
  fields: FieldsProps;
  /** Shown instead of the typed text (Epochs shows 0 while "Train until stopped" is on). */
  override?: string;
  disabled?: boolean;
}

export function NumberField({ field, hint, fields, override, disabled }: NumberFieldProps) {
  const id = useId();
  const bound = BOUNDS[field];
  const { mode, errors, form, liveNotes, onText, onCommit } = fields;
  const editable = mode === 'edit' || (mode === 'live' && isLiveKey(field));
  const error = errors[field];
  const note = isLiveKey(field) ? liveNotes[field] : undefined;
  const rule = useControlRule(field);
  if (rule === 'hidden') return null;
  return (
    <FieldFrame
      id={id}
      label={bound.label}
      hint={hint}
      error={error}
      note={note}
      locked={rule === 'locked'}
    >
      {(ids) => (
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={bound.min}
          max={bound.max}
          step={bound.integer ? 1 : (STEPS[field] ?? 'any')}
          value={override ?? form.text[field]}
          disabled={!editable || disabled === true || rule === 'locked'}
          onChange={(e) => onText(field, e.target.value)}
          onBlur={() => onCommit(field)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onCommit(field);
          }}
          aria-invalid={error !== undefined}
          aria-describedby={ids}
        />
      )}
    </FieldFrame>
  );
}

type ChoiceKey = 'cell' | 'optimizer' | 'schedule';

interface SelectFieldProps<T extends string> {
  field: ChoiceKey;
  label: string;
  hint: string;
  value: T;
  options: readonly T[];
  labels: Record<T, string>;
  onSelect: (value: T) => void;
  fields: FieldsProps;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const { field, label, hint, value, options, labels, onSelect, fields } = props;
  const id = useId();
  const error = fields.errors[field];
  const rule = useControlRule(field);
  if (rule === 'hidden') return null;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} locked={rule === 'locked'}>
      {(ids) => (
        <select
          id={id}
          value={value}
          disabled={fields.mode !== 'edit' || rule === 'locked'}
          onChange={(e) => {
            const chosen = options.find((option) => option === e.target.value);
            if (chosen !== undefined) onSelect(chosen);
          }}
          aria-invalid={error !== undefined}
          aria-describedby={ids}
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {labels[option]}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface CheckboxFieldProps {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled: boolean;
  /** The setting a lesson link may lock or hide with this box. */
  control: ControlKey;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const { label, hint, checked, onChange, disabled, control } = props;
  const id = useId();
  const rule = useControlRule(control);
  if (rule === 'hidden') return null;
  return (
    <div className="field field-wide check-field">
      <div className="check-row">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled || rule === 'locked'}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={rule === 'locked' ? `${id}-lock ${id}-hint` : `${id}-hint`}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {rule === 'locked' && <LockNote id={`${id}-lock`} />}
      <span id={`${id}-hint`} className="hint">
        {hint}
      </span>
    </div>
  );
}
