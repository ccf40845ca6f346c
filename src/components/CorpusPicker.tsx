// Picks the text to train on from the built-in library, and says what it is: size, alphabet and
// provenance, since workshop attendees ask where the text comes from and whether they may use it.
import { memo, useId } from 'react';
import { formatBytes, formatInt } from '../app/format.ts';
import type { ManifestLoad } from '../app/useCorpusLibrary.ts';

interface Props {
  library: ManifestLoad;
  selectedId: string | null;
  onSelect: (id: string) => void;
  disabled: boolean;
}

export const CorpusPicker = memo(function CorpusPicker({
  library,
  selectedId,
  onSelect,
  disabled,
}: Props) {
  const selectId = useId();
  const descriptionId = useId();

  if (library.status === 'loading') {
    // Not a live region: the Training panel's status line is the page's one role="status".
    return (
      <section className="panel" aria-busy="true">
        <h2>Corpus</h2>
        <p className="muted">Loading corpus library…</p>
      </section>
    );
  }
  if (library.status === 'error') {
    return (
      <section className="panel">
        <h2>Corpus</h2>
        <p className="error-text" role="alert">
          {library.message}
        </p>
      </section>
    );
  }

  const { corpora } = library.manifest;
  const selected = corpora.find((c) => c.id === selectedId) ?? corpora[0];
  return (
    <section className="panel">
      <h2>Corpus</h2>
      <div className="field">
        <label htmlFor={selectId}>Corpus</label>
        <select
          id={selectId}
          value={selected?.id ?? ''}
          onChange={(e) => onSelect(e.target.value)}
          disabled={disabled}
          aria-describedby={descriptionId}
        >
          {corpora.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      {selected && (
        <div className="corpus-details">
          <p id={descriptionId}>{selected.description}</p>
          <dl className="facts">
            <div>
              <dt>Size</dt>
              <dd>{formatBytes(selected.bytes)}</dd>
            </div>
            <div>
              <dt>Characters</dt>
              <dd>{formatInt(selected.chars)}</dd>
            </div>
            <div>
              <dt>Vocabulary</dt>
              <dd>{formatInt(selected.vocabSize)} distinct</dd>
            </div>
            <div>
              <dt>Source</dt>
              <dd>{selected.source}</dd>
            </div>
            <div>
              <dt>Licence</dt>
              <dd>{selected.licence}</dd>
            </div>
          </dl>
        </div>
      )}
    </section>
  );
});
