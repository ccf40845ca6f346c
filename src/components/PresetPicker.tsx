// Presets from the seed lectures: one choice fills every field (and picks the suggested corpus).
// "Custom" shows whenever the form no longer matches a preset, e.g. after editing a field.
import { useId } from 'react';
import { PRESETS } from '../model/presets.ts';
import { useControlRule } from '../app/lessonContext.ts';
import { LockNote } from './FormFields.tsx';

/** The select's value when the form matches no preset. */
export const CUSTOM = 'custom';

interface Props {
  /** The preset the form matches, or null for Custom. */
  presetId: string | null;
  /** Said after applying a preset, e.g. that its corpus is not in the library. */
  note: string | null;
  onApply: (id: string) => void;
  disabled: boolean;
}

export function PresetPicker({ presetId, note, onApply, disabled }: Props) {
  const id = useId();
  const whyId = `${id}-why`;
  const noteId = `${id}-note`;
  const preset = PRESETS.find((p) => p.id === presetId);
  // A lesson that fixes settings locks the picker too: a preset would overwrite them.
  const rule = useControlRule('preset');
  if (rule === 'hidden') return null;
  const lockId = rule === 'locked' ? ` ${id}-lock` : '';
  return (
    <div className="field preset">
      <label htmlFor={id}>Preset</label>
      <select
        id={id}
        value={preset?.id ?? CUSTOM}
        disabled={disabled || rule === 'locked'}
        onChange={(e) => {
          if (e.target.value !== CUSTOM) onApply(e.target.value);
        }}
        aria-describedby={(note !== null ? `${whyId} ${noteId}` : whyId) + lockId}
      >
        {/* Shown, not chosen: Custom is what editing a field leads to. */}
        <option value={CUSTOM} disabled>
          Custom
        </option>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {rule === 'locked' && <LockNote id={`${id}-lock`} />}
      <span id={whyId} className="hint preset-why">
        {preset?.why ?? 'Your own settings: pick a preset to start from one of the lectures.'}
      </span>
      {note !== null && (
        <span id={noteId} className="note">
          {note}
        </span>
      )}
    </div>
  );
}
