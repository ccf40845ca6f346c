// The Saved runs list as React state: read from IndexedDB once, then kept in step with every save,
// rename, delete and import, with the storage the page uses. Storage failures become one message
// (role=alert in the panel); a failed operation changes nothing in the list.
import { useCallback, useEffect, useState } from 'react';
import * as storage from './runStorage.ts';
import { resumeCandidate, type SavedRun } from './savedRun.ts';
import { errorMessage } from './useCorpusLibrary.ts';

export interface SavedRuns {
  runs: readonly SavedRun[];
  /** False until the first read from storage has answered. */
  loaded: boolean;
  /** The run the page offers to resume on load, until it is resumed or dismissed. */
  offer: SavedRun | null;
  dismissOffer(): void;
  /** The latest storage failure (a full disk, a refused write), until the next success. */
  error: string | null;
  setError(message: string | null): void;
  usage: { usage: number; quota: number } | null;
  /** A save that went through: the list shows it at once. */
  upsert(run: SavedRun): void;
  rename(id: string, name: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Stores a run that has no weights (an imported run file). */
  add(run: SavedRun): Promise<void>;
}

const newestFirst = (runs: readonly SavedRun[]) => [...runs].sort((a, b) => b.savedAt - a.savedAt);

export function useSavedRuns(): SavedRuns {
  const [runs, setRuns] = useState<readonly SavedRun[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [offer, setOffer] = useState<SavedRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [usage, setUsage] = useState<{ usage: number; quota: number } | null>(null);

  const measure = useCallback(() => {
    void storage.storageEstimate().then(setUsage);
  }, []);

  useEffect(() => {
    let cancelled = false;
    storage.listRuns().then(
      (stored) => {
        if (cancelled) return;
        // Saves of this page's first seconds may already be in the list: keep the newer copy.
        setRuns((live) =>
          newestFirst([...live, ...stored.filter((s) => !live.some((l) => l.id === s.id))]),
        );
        setOffer(resumeCandidate(stored, Date.now()));
        setLoaded(true);
        measure();
      },
      (failure: unknown) => {
        if (cancelled) return;
        setError(errorMessage(failure));
        setLoaded(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [measure]);

  const upsert = useCallback(
    (run: SavedRun) => {
      setRuns((list) => newestFirst([run, ...list.filter((r) => r.id !== run.id)]));
      setError(null);
      measure();
    },
    [measure],
  );

  /** Runs a storage operation; on failure the message shows and the list stays as it was. */
  const attempt = useCallback(
    async (operation: () => Promise<void>, then: () => void) => {
      try {
        await operation();
        then();
        setError(null);
        measure();
      } catch (failure) {
        setError(errorMessage(failure));
      }
    },
    [measure],
  );

  const rename = useCallback(
    (id: string, name: string) =>
      attempt(
        () => storage.renameRun(id, name),
        () => setRuns((list) => list.map((r) => (r.id === id ? { ...r, name } : r))),
      ),
    [attempt],
  );

  const remove = useCallback(
    (id: string) =>
      attempt(
        () => storage.deleteRun(id),
        () => {
          setRuns((list) => list.filter((r) => r.id !== id));
          setOffer((o) => (o?.id === id ? null : o));
        },
      ),
    [attempt],
  );

  const add = useCallback(
    async (run: SavedRun) => {
      const saved = await storage.saveRun(run, null, null);
      upsert(saved);
    },
    [upsert],
  );

  const dismissOffer = useCallback(() => setOffer(null), []);

  return { runs, loaded, offer, dismissOffer, error, setError, usage, upsert, rename, remove, add };
}
