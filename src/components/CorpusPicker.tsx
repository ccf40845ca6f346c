// Picks the text to train on: the built-in library, then the user's own texts once added. While a
// run is under way the choice is locked, and a note under it says why, so a file added meanwhile
// is seen to wait in the list rather than to change the run. The figures of the selected corpus are
// in the Corpus details panel; this one says what it is and holds the inputs for one's own text.
import { memo, useId, type ReactNode } from 'react';
import type { ManifestLoad } from '../app/useCorpusLibrary.ts';

interface Option {
  id: string;
  title: string;
  description: string;
}

interface Props {
  library: ManifestLoad;
  /** The user's own texts, in the order they were added. */
  own: readonly Option[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  disabled: boolean;
  /** Why the choice is locked (a run is under way), or null. */
  lockNote: string | null;
  /** The inputs for one's own text. */
  children?: ReactNode;
}

export const CorpusPicker = memo(function CorpusPicker({
  library,
  own,
  selectedId,
  onSelect,
  disabled,
  lockNote,
  children,
}: Props) {
  const selectId = useId();
  const descriptionId = useId();
  const lockId = useId();

  const builtIn = library.status === 'ready' ? library.manifest.corpora : [];
  const options: readonly Option[] = [...builtIn, ...own];
  const selected = options.find((c) => c.id === selectedId) ?? options[0];
  const describedBy = [selected ? descriptionId : '', lockNote !== null ? lockId : '']
    .filter((id) => id !== '')
    .join(' ');

  return (
    <section className="panel" aria-busy={library.status === 'loading' ? true : undefined}>
      <h2>Corpus</h2>
      {/* Not a live region: the Training panel's status line is the page's one role="status". */}
      {library.status === 'loading' && <p className="muted">Loading corpus library…</p>}
      {library.status === 'error' && (
        <p className="error-text" role="alert">
          {library.message}
        </p>
      )}
      {options.length > 0 && (
        <div className="field">
          <label htmlFor={selectId}>Corpus</label>
          <select
            id={selectId}
            value={selected?.id ?? ''}
            onChange={(e) => onSelect(e.target.value)}
            disabled={disabled}
            aria-describedby={describedBy || undefined}
          >
            {builtIn.length > 0 && (
              <optgroup label="Library">
                {builtIn.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </optgroup>
            )}
            {own.length > 0 && (
              <optgroup label="Your text">
                {own.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
      )}
      {lockNote !== null && (
        <p id={lockId} className="note">
          {lockNote}
        </p>
      )}
      {selected && (
        <p id={descriptionId} className="corpus-description">
          {selected.description}
        </p>
      )}
      {children}
    </section>
  );
});
