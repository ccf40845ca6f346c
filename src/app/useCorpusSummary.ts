// The corpus panel's figures (most frequent characters, preview) for the selected corpus. An own
// text was counted when it was read; a built-in one is loaded (the text is cached for training
// anyway) and counted in the corpus worker, once per corpus: the Tang poems take ~200 ms to count,
// too long for the main thread.
import { useEffect, useRef, useState } from 'react';
import type { CorpusEntry } from '../corpus/manifest.ts';
import type { CorpusSummary } from '../corpus/stats.ts';
import { isOwnCorpus, type OwnCorpus } from './ownCorpus.ts';
import { errorMessage } from './useCorpusLibrary.ts';

export type SummaryState =
  | { status: 'loading' }
  | { status: 'ready'; summary: CorpusSummary }
  | { status: 'error'; message: string };

const LOADING: SummaryState = { status: 'loading' };

export function useCorpusSummary(
  corpus: CorpusEntry | OwnCorpus | undefined,
  loadText: (entry: CorpusEntry) => Promise<string>,
  summarise: (text: string) => Promise<CorpusSummary>,
): SummaryState | null {
  const [builtIn, setBuiltIn] = useState<ReadonlyMap<string, SummaryState>>(new Map());
  const started = useRef(new Set<string>());
  const entry = corpus !== undefined && !isOwnCorpus(corpus) ? corpus : undefined;

  useEffect(() => {
    if (entry === undefined || started.current.has(entry.id)) return;
    const { id } = entry;
    started.current.add(id);
    let live = true;
    let done = false;
    const store = (state: SummaryState) => setBuiltIn((map) => new Map(map).set(id, state));
    loadText(entry)
      .then(summarise)
      .then(
        (summary) => {
          done = true;
          store({ status: 'ready', summary });
        },
        (error: unknown) => {
          done = true;
          if (!live) return;
          // Let a later visit to this corpus try again.
          started.current.delete(id);
          store({ status: 'error', message: errorMessage(error) });
        },
      );
    return () => {
      live = false;
      // Unmounted mid-way (StrictMode's rehearsal ends the corpus worker): ask again on remount.
      if (!done) started.current.delete(id);
    };
  }, [entry, loadText, summarise]);

  if (corpus === undefined) return null;
  if (isOwnCorpus(corpus)) return { status: 'ready', summary: corpus.summary };
  return builtIn.get(corpus.id) ?? LOADING;
}
