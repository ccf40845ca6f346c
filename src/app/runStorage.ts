// Saved runs in IndexedDB, through the plain API: no dependency for a few promises. Three stores:
// runs (what the list shows: settings, history), checkpoints (the weights and optimizer moments,
// read only to resume) and texts (the user's own corpus text, by content hash, shared by every run
// of that text). A save writes its run and checkpoint in one transaction, so a failed save (a full
// disk) leaves the previous save of that run as it was.
import type { Checkpoint } from '../workers/protocol.ts';
import { isSavedRun, looksLikeCheckpoint, type SavedRun } from './savedRun.ts';
import { StorageError, storageError as wrap } from './storageErrors.ts';

const DB_NAME = 'rnn-playground';
const DB_VERSION = 1;
const RUNS = 'runs';
const CHECKPOINTS = 'checkpoints';
const TEXTS = 'texts';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') {
    return Promise.reject(new StorageError('This browser offers no storage for saved runs.'));
  }
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(RUNS)) db.createObjectStore(RUNS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(CHECKPOINTS)) db.createObjectStore(CHECKPOINTS);
      if (!db.objectStoreNames.contains(TEXTS)) db.createObjectStore(TEXTS);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('it could not be opened'));
    request.onblocked = () => reject(new Error('another tab holds an older version of it open'));
  }).catch((error: unknown) => {
    opening = null;
    throw wrap(error, 'open the saved-runs storage');
  });
  return opening;
}

/** Runs `body` in one transaction; resolves with its result once the transaction commits. */
async function transact<T>(
  stores: string[],
  mode: IDBTransactionMode,
  doing: string,
  body: (tx: IDBTransaction) => Promise<T> | T,
): Promise<T> {
  const db = await open();
  try {
    const tx = db.transaction(stores, mode);
    const committed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('the transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
    });
    // A failing body aborts the transaction, which rejects `committed` too: handled below.
    committed.catch(() => undefined);
    let result: T;
    try {
      result = await body(tx);
    } catch (error) {
      tx.abort();
      throw error;
    }
    await committed;
    return result;
  } catch (error) {
    throw wrap(error, doing);
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('the request failed'));
  });
}

export async function listRuns(): Promise<SavedRun[]> {
  const all = await transact([RUNS], 'readonly', 'read the saved runs', (tx) =>
    request(tx.objectStore(RUNS).getAll()),
  );
  return all.filter(isSavedRun).sort((a, b) => b.savedAt - a.savedAt);
}

/**
 * Saves (or overwrites) a run with its checkpoint. A name the user gave the run in the meantime is
 * kept. `text` is the user's own corpus, written once under its hash.
 */
export function saveRun(
  run: SavedRun,
  checkpoint: Checkpoint | null,
  text: { hash: string; text: string } | null,
): Promise<SavedRun> {
  const stores = text === null ? [RUNS, CHECKPOINTS] : [RUNS, CHECKPOINTS, TEXTS];
  return transact(stores, 'readwrite', 'save the run', async (tx) => {
    const runs = tx.objectStore(RUNS);
    const existing: unknown = await request(runs.get(run.id));
    const saved = isSavedRun(existing) ? { ...run, name: existing.name } : run;
    runs.put(saved);
    if (checkpoint !== null) tx.objectStore(CHECKPOINTS).put(checkpoint, run.id);
    if (text !== null) tx.objectStore(TEXTS).put(text.text, text.hash);
    return saved;
  });
}

export async function loadCheckpoint(id: string): Promise<Checkpoint | null> {
  const value = await transact([CHECKPOINTS], 'readonly', 'read the saved weights', (tx) =>
    request<unknown>(tx.objectStore(CHECKPOINTS).get(id)),
  );
  return looksLikeCheckpoint(value) ? value : null;
}

export async function loadText(hash: string): Promise<string | null> {
  const value = await transact([TEXTS], 'readonly', 'read your saved text', (tx) =>
    request<unknown>(tx.objectStore(TEXTS).get(hash)),
  );
  return typeof value === 'string' ? value : null;
}

export function renameRun(id: string, name: string): Promise<void> {
  return transact([RUNS], 'readwrite', 'rename the run', async (tx) => {
    const runs = tx.objectStore(RUNS);
    const existing: unknown = await request(runs.get(id));
    if (isSavedRun(existing)) runs.put({ ...existing, name });
  });
}

/** Deletes a run and its weights, and its text when no other run uses it. */
export function deleteRun(id: string): Promise<void> {
  return transact([RUNS, CHECKPOINTS, TEXTS], 'readwrite', 'delete the run', async (tx) => {
    const runs = tx.objectStore(RUNS);
    const existing: unknown = await request(runs.get(id));
    runs.delete(id);
    tx.objectStore(CHECKPOINTS).delete(id);
    if (!isSavedRun(existing) || existing.corpus.kind !== 'own') return;
    const others = (await request(runs.getAll())).filter(
      (r: unknown) => isSavedRun(r) && r.id !== id && r.corpusHash === existing.corpusHash,
    );
    if (others.length === 0) tx.objectStore(TEXTS).delete(existing.corpusHash);
  });
}

/** Bytes this origin uses and may use, where the browser says (not in every browser). */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  if (typeof navigator === 'undefined' || navigator.storage?.estimate === undefined) return null;
  try {
    const { usage, quota } = await navigator.storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}
