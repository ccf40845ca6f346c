// Share: the address reproduces the form (settings, seed, corpus, backend); Copy link puts it on
// the clipboard, and the field shows it for browsers that refuse the clipboard.
import './runs.css';
import { useId, useState } from 'react';
import type { ShareLink } from '../app/useShareLink.ts';

export function SharePanel({ share }: { share: ShareLink }) {
  const id = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(share.link);
      setCopied('Link copied: whoever opens it gets these settings.');
    } catch {
      setCopied('The browser did not allow copying: select the link above and copy it.');
    }
  };
  return (
    <section className="panel" aria-label="Share">
      <h2>Share these settings</h2>
      <label htmlFor={id}>Link to these settings</label>
      <input
        id={id}
        className="share-link"
        type="text"
        readOnly
        value={share.link}
        onFocus={(e) => e.target.select()}
      />
      <div className="files-row">
        <button type="button" onClick={() => void copy()}>
          Copy link
        </button>
        <span className="muted" aria-live="polite">
          {copied}
        </span>
      </div>
      {share.notes.map((note) => (
        <p key={note} className="note">
          {note}
        </p>
      ))}
    </section>
  );
}
