// The user's own text: a file picker (several files are joined), a paste box, the progress of a
// read, and what came of the last input: a sentence when it was added, or an alert naming the file
// and saying why not, with buttons for the fixes on offer. Files can also be dropped anywhere on
// the page (DropOverlay). The text stays in the browser: it is read by a worker, never sent.
import { useId, useState, useSyncExternalStore, type ChangeEvent } from 'react';
import type { OwnText, Reading } from '../app/useOwnCorpus.ts';
import type { OwnAlert } from '../app/ownCorpus.ts';

function ReadingProgress({ reading, onCancel }: { reading: Reading; onCancel: () => void }) {
  const { label, fraction } = reading;
  const percent = fraction === null ? null : Math.round(fraction * 100);
  const text =
    percent === null || percent >= 100 ? `Checking ${label}…` : `Reading ${label}: ${percent}%`;
  return (
    <div className="reading">
      {percent !== null && (
        <div
          className="progress"
          role="progressbar"
          aria-label="Reading file"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={text}
        >
          <div className="progress-fill" style={{ transform: `scaleX(${percent / 100})` }} />
        </div>
      )}
      <p className="progress-text">
        <span>{text}</span>
        <button type="button" className="link-button" onClick={onCancel}>
          Cancel reading
        </button>
      </p>
    </div>
  );
}

interface AlertProps {
  alert: OwnAlert;
  onChoose: (id: string) => void;
  onDismiss: () => void;
}

/** Names each file with its message; offers are buttons that say exactly what they do. */
function OwnTextAlert({ alert, onChoose, onDismiss }: AlertProps) {
  const asking = alert.choices.length > 0;
  return (
    <div className={asking ? 'own-alert own-alert-ask' : 'own-alert'} role="alert">
      <p className="own-alert-title">{alert.title}</p>
      <ul>
        {alert.lines.map(({ name, message }) => (
          <li key={`${name ?? ''}:${message}`}>
            {name !== null && <strong>{name}: </strong>}
            {message}
          </li>
        ))}
      </ul>
      <p className="alert-actions">
        {alert.choices.map((choice) => (
          <button key={choice.id} type="button" onClick={() => onChoose(choice.id)}>
            {choice.label}
          </button>
        ))}
        <button type="button" onClick={onDismiss}>
          {asking ? 'Cancel' : 'Dismiss'}
        </button>
      </p>
    </div>
  );
}

export function OwnTextInput({ own }: { own: OwnText }) {
  const pasteId = useId();
  const [pasted, setPasted] = useState('');
  const reading = useSyncExternalStore(own.reading.subscribe, own.reading.get);

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    own.addFiles(Array.from(input.files ?? []));
    // Choosing the same file again (after fixing it) must fire change again.
    input.value = '';
  };

  return (
    <div className="own-text">
      <h3>Your own text</h3>
      <p className="hint">
        Open text files or drop them anywhere on the page (several are joined), or paste text. It
        stays in this browser: nothing is uploaded.
      </p>
      <label className="file-button">
        Open text files
        <input type="file" multiple className="visually-hidden" onChange={onFiles} />
      </label>
      <div className="field paste-field">
        <label htmlFor={pasteId}>Paste text</label>
        <textarea
          id={pasteId}
          rows={3}
          value={pasted}
          spellCheck={false}
          onChange={(e) => setPasted(e.target.value)}
        />
        <button type="button" disabled={pasted === ''} onClick={() => own.addPasted(pasted)}>
          Use pasted text
        </button>
      </div>
      {reading !== null && <ReadingProgress reading={reading} onCancel={own.cancelReading} />}
      {own.notice !== null && <p className="own-notice">{own.notice}</p>}
      {own.alert !== null && (
        <OwnTextAlert alert={own.alert} onChoose={own.choose} onDismiss={own.dismiss} />
      )}
    </div>
  );
}
