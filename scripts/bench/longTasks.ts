// The app's main thread while it trains (issue 7: "no long tasks on the main thread"): the figures
// scripts/bench/appLongTasks.ts records, and the pure summaries of them.

/** A 'longtask' entry; ms, start relative to the click on Train. */
export interface LongTask {
  start: number;
  duration: number;
}

/** One script of a long animation frame (Chromium's 'long-animation-frame' entries). */
export interface FrameScript {
  /** What ran it, e.g. "Worker.onmessage" or "FrameRequestCallback". */
  invoker: string;
  sourceURL: string;
  sourceFunctionName: string;
  duration: number;
}

/** A long animation frame with a blocking part; ms, start relative to the click. */
export interface LongFrame {
  start: number;
  duration: number;
  blockingDuration: number;
  /** From the start of rendering (rAF callbacks, style, layout, paint) to the frame's end. */
  renderDuration: number;
  styleAndLayoutDuration: number;
  scripts: FrameScript[];
}

/** The status line's text when it changed, as the page painted it; t in ms after the click. */
export interface StatusChange {
  t: number;
  text: string;
}

export interface LongTaskSummary {
  count: number;
  longestMs: number;
  totalMs: number;
  /** Total blocking time: the part of each long task beyond 50 ms. */
  blockingMs: number;
}

export interface AppFigures {
  status: 'ok' | 'failed';
  reason: string | null;
  /** The backend the app chose (data-backend of the region "Backend in use"), and if software. */
  backend: string | null;
  software: boolean | null;
  /** Seconds asked to train after the first step showed. */
  askedSeconds: number;
  /** Seconds from the click on Train to the first step shown, and from there to the end. */
  startSeconds: number | null;
  trainSeconds: number | null;
  /** Long tasks from the click to the end, and (excluded from those) before the click. */
  longTasks: LongTaskSummary;
  loadLongTasks: LongTaskSummary;
  /** Animation frames painted from the click to the end, and the longest gap between two. */
  frames: number;
  longestFrameGapMs: number;
  /** Frames in which the status line showed a new step number, and the first and last shown. */
  stepUpdates: number;
  firstStep: number | null;
  lastStep: number | null;
  /** data-train-points of the loss chart at the end. */
  trainPoints: number | null;
  statusText: string;
  /** The longest long tasks and long animation frames (by duration), for the JSON. */
  longestTasks: LongTask[];
  longestFrames: LongFrame[];
  /** The page's console errors and uncaught exceptions. */
  consoleErrors: string[];
}

export const LONG_TASK_MS = 50;

export function summarise(tasks: LongTask[]): LongTaskSummary {
  let longestMs = 0;
  let totalMs = 0;
  let blockingMs = 0;
  for (const task of tasks) {
    longestMs = Math.max(longestMs, task.duration);
    totalMs += task.duration;
    blockingMs += Math.max(0, task.duration - LONG_TASK_MS);
  }
  return { count: tasks.length, longestMs, totalMs, blockingMs };
}

/** The step in the status line, e.g. "Training on WebAssembly — step 1,234 of 5,000, …". */
export function stepFromStatus(text: string): number | null {
  const match = /\bstep ([\d,]+)/i.exec(text);
  return match ? Number(match[1]!.replaceAll(',', '')) : null;
}

export interface StepProgress {
  /** ms after the click of the first change that showed a step. */
  firstAt: number | null;
  updates: number;
  first: number | null;
  last: number | null;
}

/** How often the shown step changed, over the status line's changes in order; step 0 is no step. */
export function stepProgress(changes: StatusChange[]): StepProgress {
  const progress: StepProgress = { firstAt: null, updates: 0, first: null, last: null };
  for (const change of changes) {
    const step = stepFromStatus(change.text);
    if (step === null || step === 0 || step === progress.last) continue;
    if (progress.first === null) {
      progress.first = step;
      progress.firstAt = change.t;
    }
    progress.updates += 1;
    progress.last = step;
  }
  return progress;
}

/** The n longest, longest first. */
export function longest<T extends { duration: number }>(items: T[], n: number): T[] {
  return [...items].sort((a, b) => b.duration - a.duration).slice(0, n);
}

export function failedApp(askedSeconds: number, reason: string): AppFigures {
  const none = summarise([]);
  return {
    status: 'failed',
    reason,
    backend: null,
    software: null,
    askedSeconds,
    startSeconds: null,
    trainSeconds: null,
    longTasks: none,
    loadLongTasks: none,
    frames: 0,
    longestFrameGapMs: 0,
    stepUpdates: 0,
    firstStep: null,
    lastStep: null,
    trainPoints: null,
    statusText: '',
    longestTasks: [],
    longestFrames: [],
    consoleErrors: [],
  };
}
