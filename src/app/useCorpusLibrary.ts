// The built-in corpus library as React state: the manifest, loaded once, and each corpus's text,
// fetched on first use and kept, so a second run on the same corpus starts at once.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CorpusEntry, CorpusManifest } from '../corpus/manifest.ts';
import { loadCorpusText, loadManifest } from './corpusLibrary.ts';

export type ManifestLoad =
  | { status: 'loading' }
  | { status: 'ready'; manifest: CorpusManifest }
  | { status: 'error'; message: string };

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useCorpusLibrary(baseUrl: string) {
  const [library, setLibrary] = useState<ManifestLoad>({ status: 'loading' });
  const texts = useRef(new Map<string, string>());

  useEffect(() => {
    let cancelled = false;
    loadManifest(baseUrl).then(
      (manifest) => !cancelled && setLibrary({ status: 'ready', manifest }),
      (error: unknown) =>
        !cancelled && setLibrary({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [baseUrl]);

  const loadText = useCallback(
    async (entry: CorpusEntry): Promise<string> => {
      const cached = texts.current.get(entry.id);
      if (cached !== undefined) return cached;
      const text = await loadCorpusText(baseUrl, entry);
      texts.current.set(entry.id, text);
      return text;
    },
    [baseUrl],
  );

  return { library, loadText };
}
