// Keeps the address bar in step with the form (history.replaceState, so Back is not flooded): the
// settings, the corpus id and the backend, through urlState's schema. Opening that address gives
// the same form. A field being edited into an invalid value leaves the last valid address.
import type { BackendChoice, Hyperparameters } from '../workers/protocol.ts';
import type { CorpusEntry } from '../corpus/manifest.ts';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import { useEffect } from 'react';
import { isOwnCorpus, type OwnCorpus } from './ownCorpus.ts';
import type { ManifestLoad } from './useCorpusLibrary.ts';
import { shareSearch, type UrlState } from './urlState.ts';

interface Options {
  initial: UrlState;
  formValues: Hyperparameters | null;
  entry: CorpusEntry | OwnCorpus | undefined;
  library: ManifestLoad;
  backend: BackendChoice;
}

export interface ShareLink {
  /** The address that reproduces the form. */
  link: string;
  /** Why parts of the opening link were not used, and what a link leaves out. */
  notes: string[];
}

export function useShareLink({ initial, formValues, entry, library, backend }: Options): ShareLink {
  const corpora = library.status === 'ready' ? library.manifest.corpora : null;
  const defaultId = library.status === 'ready' ? library.manifest.defaultId : null;
  const preset = initial.lesson.preset;
  const base = {
    hyper: preset?.hyper ?? DEFAULT_HYPERPARAMETERS,
    corpus:
      preset !== null && corpora?.some((c) => c.id === preset.corpus) ? preset.corpus : defaultId,
  };
  const own = entry !== undefined && isOwnCorpus(entry);
  const corpus = entry === undefined ? undefined : own ? null : entry.id;
  const { origin, pathname, search, hash } = window.location;
  const link =
    formValues === null
      ? window.location.href
      : `${origin}${pathname}${shareSearch(search, { hyper: formValues, corpus, backend }, base)}${hash}`;

  useEffect(() => {
    if (window.location.href !== link) window.history.replaceState(window.history.state, '', link);
  }, [link]);

  const notes = [...initial.linkNotes];
  const wanted = initial.corpus;
  if (corpora !== null && wanted !== null && !corpora.some((c) => c.id === wanted)) {
    notes.push(`The corpus "${wanted}" in the link is not in the library; using the first one.`);
  }
  if (own) notes.push('Your own text stays in this browser: a link carries only the settings.');
  return { link, notes };
}
