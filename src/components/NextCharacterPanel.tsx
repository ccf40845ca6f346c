// What the network expects next: for text the user types (or the latest sample, or what the
// Generate panel wrote), the top-k next characters at the caret, as probability bars.
import { useId, useState, type SyntheticEvent } from 'react';
import { MAX_INSPECT_CHARS } from '../workers/protocol.ts';
import { formatInt } from '../app/format.ts';
import {
  clipCodePoints,
  codePointOffset,
  contextBefore,
  nextRows,
  predictionIndex,
  type NextRow,
} from '../app/nextChars.ts';
import { latestSampleText } from '../app/sampleLookup.ts';
import { useTrainingState } from '../app/trainingContext.ts';
import { useInspection } from '../app/useInspection.ts';

/** Bars shown: enough to see the runners-up, few enough to read at a glance. */
const TOP_K = 10;

function Bars({ rows }: { rows: readonly NextRow[] }) {
  return (
    <ol className="next-list" aria-label="Next-character probabilities">
      {rows.map((row) => (
        <li key={row.char} data-char={row.char}>
          <span className="next-char">{row.glyph}</span>
          {row.name !== null && <span className="sr-only"> ({row.name})</span>}{' '}
          <span className="next-bar" aria-hidden="true">
            <span style={{ width: `${row.width}%` }} />
          </span>
          <span className="next-pct">{row.percent}</span>
        </li>
      ))}
    </ol>
  );
}

export function NextCharacterPanel({ generated }: { generated: string }) {
  const id = useId();
  const latestSample = useTrainingState(latestSampleText);
  const [typed, setTyped] = useState<string | null>(null);
  // The caret as a UTF-16 offset (what the textarea reports); null: the end of the text.
  const [caret, setCaret] = useState<number | null>(null);
  const text = typed ?? latestSample;
  const probed = clipCodePoints(text, MAX_INSPECT_CHARS);
  const { result, error } = useInspection(probed, TOP_K);

  const chars = [...text];
  const position = codePointOffset(text, Math.min(caret ?? text.length, text.length));
  const index = result === null ? null : predictionIndex(result.chars, chars, position);
  const next = index === null ? undefined : result?.next[index];

  const readCaret = (event: SyntheticEvent<HTMLTextAreaElement>) =>
    setCaret(event.currentTarget.selectionStart);
  // null: follow the latest sample again, as new ones arrive.
  const use = (value: string | null) => {
    setTyped(value);
    setCaret(null);
  };

  let note: string | null = null;
  if (text === '') note = 'Type some text (or train until a sample appears) to probe.';
  else if (position === 0) note = 'Move the cursor after a character to see what comes next.';
  else if (position > MAX_INSPECT_CHARS) {
    note = `Only the first ${formatInt(MAX_INSPECT_CHARS)} characters are probed.`;
  } else if (next === undefined && error === null) note = 'Asking the network…';

  return (
    <section className="panel next-character" aria-label="Next character">
      <h2>Next character</h2>
      <div className="field">
        <label htmlFor={`${id}-text`}>Text to probe</label>
        <textarea
          id={`${id}-text`}
          className="mono-input"
          rows={4}
          value={text}
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setTyped(e.target.value);
            setCaret(e.target.selectionStart);
          }}
          onSelect={readCaret}
          onKeyUp={readCaret}
          onClick={readCaret}
        />
        <span id={`${id}-hint`} className="hint">
          The bars show what the network expects right after the cursor. Move it with the arrow keys
          or a click.
        </span>
      </div>
      <div className="inline-buttons">
        <button type="button" onClick={() => use(null)} disabled={latestSample === ''}>
          Use latest sample
        </button>
        <button type="button" onClick={() => use(generated)} disabled={generated === ''}>
          Use generated text
        </button>
      </div>
      {/* Polite: updates as the caret moves, without interrupting the reader. */}
      <div className="next-result" aria-live="polite">
        {error !== null && <p className="error-text">{error}</p>}
        {next !== undefined && result !== null && (
          <>
            <p className="muted next-context">
              {/* Quotes as text, not <q>: CSS-generated quotes are missing from copied text. */}
              After “<span className="mono">{contextBefore(chars, position)}</span>” (weights of
              step {formatInt(result.step)}):
            </p>
            <Bars rows={nextRows(next)} />
          </>
        )}
        {note !== null && error === null && <p className="muted">{note}</p>}
      </div>
    </section>
  );
}
