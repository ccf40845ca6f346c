// Generation from the current model for the Generate panel: sends `generate`, collects the
// streamed chunks of its own request only, and ends cleanly when the run that held the model goes
// away (Reset, a new Train, an error), since that worker will never send its `done`.
import { useCallback, useEffect, useState } from 'react';
import type { GenerateRequest } from './generateForm.ts';
import { useModelChannel, useTrainingState } from './trainingContext.ts';

export const NO_MODEL_MESSAGE = 'Train or Step first: there is no model to generate from yet.';

export interface Generation {
  /** Request id of the latest generation; null before the first. */
  id: number | null;
  request: GenerateRequest | null;
  /** The streamed text, chunk by chunk as it arrived (so a live region hears only additions). */
  chunks: readonly string[];
  running: boolean;
  /** Stop generating was pressed and the worker has not confirmed yet. */
  stopping: boolean;
  /** Why it failed (the worker's words, e.g. a prime outside the vocabulary), or null. */
  error: string | null;
  /** What happened, once it is over: "Generated 200 characters." */
  outcome: string | null;
}

const IDLE: Generation = {
  id: null,
  request: null,
  chunks: [],
  running: false,
  stopping: false,
  error: null,
  outcome: null,
};

// Ids only need to be unique among this page's requests to one worker.
let nextId = 1;

function characters(chunks: readonly string[]): number {
  return chunks.reduce((n, chunk) => n + [...chunk].length, 0);
}

/** Ends a generation whose worker is gone: its `done` will never come. */
function abandoned(state: Generation, why: string): Generation {
  return { ...state, running: false, stopping: false, outcome: why };
}

export function useGeneration() {
  const channel = useModelChannel();
  const runId = useTrainingState((s) => s.runId);
  const failed = useTrainingState((s) => s.phase === 'error');
  const [state, setState] = useState<Generation>(IDLE);
  const [seenRun, setSeenRun] = useState({ runId, failed });

  // A new run (Train or Reset) or a failure ended the worker; adjust during render rather than in
  // an effect, so no frame shows a generation still "running" on a worker that no longer exists.
  if (seenRun.runId !== runId || seenRun.failed !== failed) {
    setSeenRun({ runId, failed });
    if (state.running) {
      setState(abandoned(state, 'The run ended, so generation stopped with it.'));
    }
  }

  useEffect(
    () =>
      channel.listen((event) => {
        if (event.type !== 'generated') return;
        setState((s) => {
          if (s.id !== event.id || !s.running) return s;
          const chunks = event.chunk === '' ? s.chunks : [...s.chunks, event.chunk];
          if (!event.done) return { ...s, chunks };
          const count = characters(chunks);
          const outcome =
            event.error !== null
              ? null
              : s.stopping
                ? `Stopped after ${count} characters.`
                : `Generated ${count} characters.`;
          return { ...s, chunks, running: false, stopping: false, error: event.error, outcome };
        });
      }),
    [channel],
  );

  const generate = useCallback(
    (request: GenerateRequest) => {
      // One generation at a time: a new one replaces (and cancels) the one in progress.
      if (state.running && state.id !== null) {
        channel.request({ type: 'stopGenerating', id: state.id });
      }
      const id = nextId++;
      const sent = channel.request({ type: 'generate', id, ...request });
      setState(
        sent
          ? { ...IDLE, id, request, running: true }
          : { ...IDLE, id, request, error: NO_MODEL_MESSAGE },
      );
    },
    [channel, state.running, state.id],
  );

  const stop = useCallback(() => {
    if (!state.running || state.id === null) return;
    if (channel.request({ type: 'stopGenerating', id: state.id })) {
      setState((s) => (s.id === state.id ? { ...s, stopping: true } : s));
    } else {
      setState((s) => abandoned(s, 'The run ended, so generation stopped with it.'));
    }
  }, [channel, state.running, state.id]);

  return { generation: state, generate, stop };
}
