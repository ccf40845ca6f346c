// Live changes to a running (or paused) model: the learning rate and the sample temperature. Typing
// is debounced, so "0.005" is sent once rather than as "0", "0.", "0.0"…; blur, Enter, Resume and
// Step send at once. Each field gets a short note saying what the run now uses.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatNumber, formatRate } from './format.ts';

export type LiveKey = 'learningRate' | 'temperature';
export const LIVE_KEYS: readonly LiveKey[] = ['learningRate', 'temperature'];

export function isLiveKey(key: string): key is LiveKey {
  return (LIVE_KEYS as readonly string[]).includes(key);
}

/** Long enough to finish typing a number, short enough to feel immediate. */
export const LIVE_DEBOUNCE_MS = 400;

export type LiveNotes = Partial<Record<LiveKey, string>>;

/** Sends one live change; false when no run is alive to receive it. */
export type LiveSender = (key: LiveKey, value: number) => boolean;

export interface LiveSettings {
  notes: LiveNotes;
  /** A new value typed (null: not valid on its own); sent after LIVE_DEBOUNCE_MS. */
  propose(key: LiveKey, value: number | null): void;
  /** Send a proposed value now (blur, Enter, Resume, Step). */
  commit(key: LiveKey): void;
  commitAll(): void;
  /** A run started with these values (or, with null, none is running): no notes, nothing due. */
  restart(values: Record<LiveKey, number> | null): void;
  /** The worker changed a value itself (NaN recovery): remember it and say so. */
  acknowledge(key: LiveKey, value: number, note: string): void;
}

function appliedNote(key: LiveKey, value: number): string {
  return key === 'learningRate'
    ? `Applied: the run now uses a base learning rate of ${formatRate(value)}.`
    : `Applied: samples now use temperature ${formatNumber(value)}.`;
}

export function useLiveSettings(send: LiveSender): LiveSettings {
  const [notes, setNotes] = useState<LiveNotes>({});
  const timers = useRef(new Map<LiveKey, ReturnType<typeof setTimeout>>());
  const pending = useRef(new Map<LiveKey, number>());
  // What the worker already has, so an unchanged value is not sent again.
  const applied = useRef(new Map<LiveKey, number>());

  const cancel = useCallback((key: LiveKey) => {
    clearTimeout(timers.current.get(key));
    timers.current.delete(key);
  }, []);

  const commit = useCallback(
    (key: LiveKey) => {
      cancel(key);
      const value = pending.current.get(key);
      pending.current.delete(key);
      if (value === undefined || applied.current.get(key) === value) return;
      if (!send(key, value)) return;
      applied.current.set(key, value);
      setNotes((previous) => ({ ...previous, [key]: appliedNote(key, value) }));
    },
    [cancel, send],
  );

  const propose = useCallback(
    (key: LiveKey, value: number | null) => {
      cancel(key);
      if (value === null) {
        pending.current.delete(key);
        return;
      }
      pending.current.set(key, value);
      timers.current.set(
        key,
        setTimeout(() => commit(key), LIVE_DEBOUNCE_MS),
      );
    },
    [cancel, commit],
  );

  const commitAll = useCallback(() => LIVE_KEYS.forEach(commit), [commit]);

  const restart = useCallback(
    (values: Record<LiveKey, number> | null) => {
      LIVE_KEYS.forEach(cancel);
      pending.current.clear();
      applied.current = new Map(values === null ? [] : LIVE_KEYS.map((k) => [k, values[k]]));
      setNotes({});
    },
    [cancel],
  );

  const acknowledge = useCallback(
    (key: LiveKey, value: number, note: string) => {
      cancel(key);
      pending.current.delete(key);
      applied.current.set(key, value);
      setNotes((previous) => ({ ...previous, [key]: note }));
    },
    [cancel],
  );

  // Nothing may fire after the page is gone.
  useEffect(() => {
    const pendingTimers = timers.current;
    return () => pendingTimers.forEach((timer) => clearTimeout(timer));
  }, []);

  return useMemo(
    () => ({ notes, propose, commit, commitAll, restart, acknowledge }),
    [notes, propose, commit, commitAll, restart, acknowledge],
  );
}
