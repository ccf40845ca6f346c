// Lesson links for instructor-led workshops: `?preset=addition&lock=cell,layers&hide=optimizer`
// names a preset (the form starts from it and a banner names the lesson), locks controls (shown,
// disabled, with a note) and hides others. Unknown names fall back with a note, like every URL
// parameter. Pure: parsed once from the page's address.
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import { findPreset, type Preset } from '../model/presets.ts';
import type { Hyperparameters } from '../workers/protocol.ts';
import type { SavedCorpus } from './savedRun.ts';

/** Controls a lesson can lock or hide: every setting, plus the preset, backend and corpus. */
export type ControlKey = keyof Hyperparameters | 'preset' | 'backend' | 'corpus';

const HYPER_KEYS = Object.keys(DEFAULT_HYPERPARAMETERS) as (keyof Hyperparameters)[];
export const CONTROL_KEYS: readonly ControlKey[] = [...HYPER_KEYS, 'preset', 'backend', 'corpus'];

/** Controls a lesson can lock but not hide: the corpus list is where the page starts. */
const NEVER_HIDDEN: readonly ControlKey[] = ['corpus'];

export interface Lesson {
  preset: Preset | null;
  locked: ReadonlySet<ControlKey>;
  hidden: ReadonlySet<ControlKey>;
}

export type ControlRule = 'hidden' | 'locked' | null;

export const NO_LESSON: Lesson = { preset: null, locked: new Set(), hidden: new Set() };

export const LOCK_NOTE = 'Locked by this lesson';

/** Whether the page is in lesson mode: anything to name, lock or hide. */
export function isLesson(lesson: Lesson): boolean {
  return lesson.preset !== null || lesson.locked.size > 0 || lesson.hidden.size > 0;
}

/** `a, B ,c` -> known keys (any letter case); the rest become notes. */
function readKeys(raw: string | null, what: string, notes: string[]): Set<ControlKey> {
  const keys = new Set<ControlKey>();
  if (raw === null) return keys;
  for (const part of raw.split(',')) {
    const name = part.trim();
    if (name === '') continue;
    const key = CONTROL_KEYS.find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined)
      notes.push(`Unknown control "${name}" in the lesson's ${what} list; ignored.`);
    else keys.add(key);
  }
  return keys;
}

export function parseLesson(params: URLSearchParams): { lesson: Lesson; notes: string[] } {
  const notes: string[] = [];
  const presetId = params.get('preset')?.trim() ?? '';
  const preset = presetId === '' ? null : (findPreset(presetId.toLowerCase()) ?? null);
  if (presetId !== '' && preset === null) {
    notes.push(`Unknown preset "${presetId}" in the link; starting from the defaults.`);
  }
  const locked = readKeys(params.get('lock'), 'lock', notes);
  const hidden = readKeys(params.get('hide'), 'hide', notes);
  for (const key of NEVER_HIDDEN) {
    if (!hidden.delete(key)) continue;
    locked.add(key);
    notes.push(`The ${key} cannot be hidden; it is locked instead.`);
  }
  return { lesson: { preset, locked, hidden }, notes };
}

/**
 * What a control does in this lesson. The preset picker is locked whenever a setting is locked or
 * hidden: choosing a preset would otherwise change the values the lesson fixed.
 */
export function controlRule(lesson: Lesson, key: ControlKey): ControlRule {
  if (lesson.hidden.has(key)) return 'hidden';
  if (lesson.locked.has(key)) return 'locked';
  if (key === 'preset') {
    const fixed = HYPER_KEYS.some((k) => lesson.locked.has(k) || lesson.hidden.has(k));
    return fixed ? 'locked' : null;
  }
  return null;
}

/** How a refusal ends: the way to go on with the run after all. */
const LEAVE_LESSON = "open the playground without the lesson's link to go on with it.";

/** "hiddenSize" -> "hidden size". */
function words(key: string): string {
  return key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

/**
 * Null when settings brought in by resuming a saved run or importing a model keep every value the
 * lesson locks or hides (`fixed`: the values the page started with); else a sentence saying which
 * differs, so the page refuses rather than quietly overriding the lesson.
 */
export function lessonConflict(
  lesson: Lesson,
  fixed: Hyperparameters,
  incoming: Hyperparameters,
): string | null {
  for (const key of HYPER_KEYS) {
    if (!lesson.locked.has(key) && !lesson.hidden.has(key)) continue;
    if (incoming[key] === fixed[key]) continue;
    return (
      `This lesson fixes the ${words(key)} at ${String(fixed[key])} and this one uses ` +
      `${String(incoming[key])}: ${LEAVE_LESSON}`
    );
  }
  return null;
}

/**
 * Null when resuming a run trained on `incoming` keeps the corpus a lesson locks (`selected`: the
 * one the page has), else a sentence saying so: resuming switches the Corpus list to the run's.
 */
export function lessonCorpusConflict(
  lesson: Lesson,
  selected: { id: string; title: string } | undefined,
  incoming: SavedCorpus,
): string | null {
  if (controlRule(lesson, 'corpus') === null) return null;
  if (incoming.kind === 'builtin' && incoming.id === selected?.id) return null;
  const fixed = selected ? `“${selected.title}”` : 'its own corpus';
  return (
    `This lesson fixes the corpus at ${fixed} and this run was trained on “${incoming.title}”: ` +
    LEAVE_LESSON
  );
}
