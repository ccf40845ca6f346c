// A look inside the current model over a piece of text, kept fresh: asks `inspect` shortly after
// the text stops changing, again while training every REFRESH_STEPS steps (and no more often than
// every REFRESH_MS, since each inspection costs the worker a pass over the text between training
// steps), after each Step while paused, and once more when the run stops or finishes.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { TrainerEvent } from '../workers/protocol.ts';
import { useModelChannel, useTrainingState, useTrainingStore } from './trainingContext.ts';

export type InspectionResult = Extract<TrainerEvent, { type: 'inspection' }>;

export interface InspectionView {
  result: InspectionResult | null;
  /** Why the latest inspection failed (no model, characters outside the vocabulary), or null. */
  error: string | null;
}

export const NO_INSPECTION_MODEL = 'Train or Step first: there is no model to look inside yet.';

/** Typing pauses this long before the text is sent. */
const DEBOUNCE_MS = 300;
/** While training, re-inspect when the weights are this many steps newer… */
export const REFRESH_STEPS = 20;
/** …and at least this long after the previous request. */
export const REFRESH_MS = 2000;
/** How often the step is checked while a run is alive (reading the store, not rendering). */
const TICK_MS = 500;

let nextId = 1;

/** An answer, tagged with the run whose weights it describes. */
interface Answer extends InspectionView {
  runId: number;
}

interface Asking {
  text: string;
  /** Id of the request awaiting its answer: at most one at a time, so requests never pile up. */
  inflight: number | null;
  /** Something changed while a request was in flight: ask again when it is answered. */
  dirty: boolean;
  sentAt: number;
  /** Step of the weights last asked about; -1: not yet asked for this run. */
  step: number;
}

export function useInspection(text: string, topK: number): InspectionView {
  const channel = useModelChannel();
  const store = useTrainingStore();
  const phase = useTrainingState((s) => s.phase);
  const runId = useTrainingState((s) => s.runId);
  const [answer, setAnswer] = useState<Answer>({ runId, result: null, error: null });
  const asking = useRef<Asking>({ text, inflight: null, dirty: false, sentAt: 0, step: -1 });

  const send = useCallback(() => {
    const a = asking.current;
    const now = store.getSnapshot();
    if (a.text === '') return;
    // The model is still being built; the refresh below asks as soon as it trains.
    if (now.phase === 'initialising') {
      a.step = -1;
      return;
    }
    if (a.inflight !== null) {
      a.dirty = true;
      return;
    }
    const id = nextId++;
    if (!channel.request({ type: 'inspect', id, text: a.text, topK })) {
      setAnswer({ runId: now.runId, result: null, error: NO_INSPECTION_MODEL });
      return;
    }
    Object.assign(a, { inflight: id, dirty: false, sentAt: performance.now(), step: now.step });
  }, [channel, store, topK]);

  useEffect(
    () =>
      channel.listen((event) => {
        if (event.type !== 'inspection' && event.type !== 'inspectionFailed') return;
        const a = asking.current;
        if (event.id !== a.inflight) return;
        a.inflight = null;
        const run = store.getSnapshot().runId;
        // A transition: painting a 400-character snippet and a grid of up to 1,024 units can
        // take a while, and React may then split it rather than block input for one long task.
        startTransition(() => {
          if (event.type === 'inspection') setAnswer({ runId: run, result: event, error: null });
          else setAnswer({ runId: run, result: null, error: event.message });
        });
        if (a.dirty) send();
      }),
    [channel, store, send],
  );

  // A new run (or Reset) replaced the worker: a request to the old one will never be answered.
  useEffect(() => {
    asking.current.inflight = null;
    asking.current.step = -1;
  }, [runId]);

  useEffect(() => {
    asking.current.text = text;
    const timer = setTimeout(send, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, send]);

  useEffect(() => {
    const tick = () => {
      const a = asking.current;
      const now = store.getSnapshot();
      if (a.step >= 0 && a.step === now.step) return;
      const recent = now.step - a.step < REFRESH_STEPS || performance.now() - a.sentAt < REFRESH_MS;
      if (now.phase === 'running' && a.step >= 0 && recent) return;
      send();
    };
    const timer = setTimeout(tick, 0);
    // Steps only happen while running, or one at a time while paused.
    const alive = phase === 'running' || phase === 'paused';
    const interval = alive ? setInterval(tick, TICK_MS) : null;
    return () => {
      clearTimeout(timer);
      if (interval !== null) clearInterval(interval);
    };
  }, [phase, runId, store, send]);

  // Answers from an earlier run describe weights that no longer exist.
  return answer.runId === runId ? answer : { result: null, error: null };
}
