// Autosave: every `checkpoint` event of the worker (every few steps while training, and on pause,
// stop and finish) overwrites the current run's saved record. The corpus and its hash are taken
// once, when the run starts; a save only copies the history and hands the checkpoint's arrays to
// IndexedDB, which writes off the main thread. Saves of one run never pile up: while one is being
// written, only the newest waiting checkpoint is kept.
import { useEffect, useRef, useState } from 'react';
import type { TrainerEvent } from '../workers/protocol.ts';
import type { TrainerBridge } from './trainerBridge.ts';
import type { TrainingStore } from './trainingStore.ts';
import type { RestoredHistory } from './restoreHistory.ts';
import { saveRun } from './runStorage.ts';
import {
  checkpointBytes,
  defaultRunName,
  historyBytes,
  historyOf,
  type SavedCorpus,
  type SavedRun,
} from './savedRun.ts';
import { errorMessage } from './useCorpusLibrary.ts';

/** What a run's saves need to know about it beyond the store's state. */
export interface RunContext {
  recordId: string;
  createdAt: number;
  corpus: SavedCorpus;
  /** The user's own text, written with the run's first save; null for a built-in corpus. */
  text: string | null;
  hash: Promise<string>;
  textSaved: boolean;
  /** A resumed run's saved history, put back once the worker has started it. */
  restore: RestoredHistory | null;
}

export function newRecordId(now: number): string {
  return `run-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

type CheckpointEvent = Extract<TrainerEvent, { type: 'checkpoint' }>;

interface Options {
  store: TrainingStore;
  bridge: Pick<TrainerBridge, 'listen'>;
  /** The context of a run the user just started with Train or Step (the selected corpus). */
  contextForNewRun: () => RunContext | null;
  onSaved: (run: SavedRun) => void;
  onError: (message: string) => void;
}

export interface Autosave {
  /** The next run to start continues this saved record (resume, import) instead of a new one. */
  adoptNextRun(context: RunContext): void;
  /** The record id of the run the store shows now, if it is being saved. */
  currentRecordId(): string | null;
}

export function useAutosave(options: Options): Autosave {
  const { store, bridge } = options;
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const contexts = useRef(new Map<number, RunContext>());
  const adopting = useRef<RunContext | null>(null);
  const [api] = useState<Autosave>(() => ({
    adoptNextRun: (context) => {
      adopting.current = context;
    },
    currentRecordId: () => contexts.current.get(store.getSnapshot().runId)?.recordId ?? null,
  }));

  // A new runId with a request is a new run (Reset also changes the runId, with no request).
  useEffect(() => {
    let seen = store.getSnapshot().runId;
    return store.subscribe(() => {
      const state = store.getSnapshot();
      if (state.runId === seen) return;
      seen = state.runId;
      const adopted = adopting.current;
      adopting.current = null;
      if (state.request === null) return;
      const context = adopted ?? latest.current.contextForNewRun();
      if (context !== null) contexts.current.set(state.runId, context);
    });
  }, [store]);

  useEffect(() => {
    // Per record: the save being written, and the newest checkpoint waiting behind it.
    const writing = new Set<string>();
    const waiting = new Map<string, () => Promise<void>>();

    const drain = async (id: string) => {
      writing.add(id);
      for (let job = waiting.get(id); job !== undefined; job = waiting.get(id)) {
        waiting.delete(id);
        await job();
      }
      writing.delete(id);
    };

    const save = (context: RunContext, event: CheckpointEvent) => {
      // The history as of this checkpoint: the worker sent its progress before the checkpoint.
      store.flush();
      const state = store.getSnapshot();
      const request = state.request;
      if (request === null) return;
      const history = historyOf(state);
      const { checkpoint } = event;
      waiting.set(context.recordId, async () => {
        try {
          const hash = await context.hash;
          const text = context.text !== null && !context.textSaved ? context.text : null;
          const record: SavedRun = {
            id: context.recordId,
            name: defaultRunName(context.corpus.title, request.hyper, context.createdAt),
            corpus: context.corpus,
            corpusHash: hash,
            hyper: request.hyper,
            backend: request.backend,
            learningRate: event.learningRate,
            step: checkpoint.step,
            vocabulary: checkpoint.vocabulary,
            history,
            reason: event.reason,
            createdAt: context.createdAt,
            savedAt: Date.now(),
            bytes:
              checkpointBytes(checkpoint) + historyBytes(history) + 2 * (context.text?.length ?? 0),
          };
          const saved = await saveRun(record, checkpoint, text === null ? null : { hash, text });
          context.textSaved = true;
          latest.current.onSaved(saved);
        } catch (failure) {
          latest.current.onError(errorMessage(failure));
        }
      });
      if (!writing.has(context.recordId)) void drain(context.recordId);
    };

    return bridge.listen((event) => {
      if (event.type !== 'started' && event.type !== 'checkpoint') return;
      const runId = store.getSnapshot().runId;
      const context = contexts.current.get(runId);
      if (context === undefined) return;
      if (event.type === 'checkpoint') return save(context, event);
      // 'started' cleared the chart: a resumed run gets its saved history back.
      if (context.restore !== null) store.restoreHistory(context.restore);
      context.restore = null;
    });
  }, [bridge, store]);

  return api;
}
