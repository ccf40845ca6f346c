// The user's own texts as corpus options, and the messages their preparation leads to. Pure: the
// hook (useOwnCorpus.ts) holds the state, this decides what it says.
import type { CorpusSummary } from '../corpus/stats.ts';
import { DEFAULT_HYPERPARAMETERS } from '../model/config.ts';
import { FOLDER_MESSAGE, LINK_MESSAGE, TEXT_DRAG_MESSAGE, type DropKind } from './dropInput.ts';
import { PASTED_LABEL, type Decision, type FileIssue, type Preparation } from './prepareCorpus.ts';

/** Ids of own corpora start with this, so they never clash with the library's ids. */
export const OWN_ID_PREFIX = 'own-';

export interface OwnCorpus {
  id: string;
  /** In the Corpus list: "Your text: notes.txt", "Your text: 3 files", "Your text: pasted". */
  title: string;
  description: string;
  /** Files joined into it, in order (none for pasted text). */
  names: string[];
  text: string;
  bytes: number;
  chars: number;
  vocabSize: number;
  summary: CorpusSummary;
  /** What was done to the text on the way (line endings, encoding, offers taken). */
  notes: string[];
}

export function isOwnCorpus<T extends object>(corpus: T | OwnCorpus): corpus is OwnCorpus {
  return 'text' in corpus && 'summary' in corpus;
}

/** A unique title: a second "notes.txt" becomes "Your text: notes.txt (2)". */
export function ownTitle(label: string, taken: readonly string[]): string {
  const base = `Your text: ${label === PASTED_LABEL ? 'pasted' : label}`;
  let title = base;
  for (let n = 2; taken.includes(title); n++) title = `${base} (${n})`;
  return title;
}

function describeOwn(names: readonly string[]): string {
  if (names.length === 0) return 'Text you pasted.';
  if (names.length === 1) return `Your own text, from ${names[0]}.`;
  return `Your own text, joined from ${names.length} files: ${names.join(', ')}.`;
}

/** The corpus option for a preparation that can train; null when it cannot. */
export function makeOwnCorpus(
  id: string,
  prep: Preparation,
  taken: readonly string[],
): OwnCorpus | null {
  if (prep.text === null || prep.summary === null) return null;
  const { bytes, chars, vocabSize } = prep.summary;
  return {
    id,
    title: ownTitle(prep.label, taken),
    description: describeOwn(prep.names),
    names: prep.names,
    text: prep.text,
    bytes,
    chars,
    vocabSize,
    summary: prep.summary,
    notes: prep.notes,
  };
}

export interface AlertLine {
  /** The file (or "Pasted text", "3 files") the message is about; null for the drop itself. */
  name: string | null;
  message: string;
}

export interface Choice {
  /** "offer-0", "offer-1"… or "as-is". */
  id: string;
  label: string;
}

export interface OwnAlert {
  title: string;
  lines: AlertLine[];
  /** Offers waiting for an answer (with Cancel); empty for a message that is only dismissed. */
  choices: Choice[];
}

export function subjectName(label: string): string {
  return label === PASTED_LABEL ? 'Pasted text' : label;
}

/** What the page says after a preparation: null when a text was added with nothing to report. */
export function alertFor(prep: Preparation, decision: Decision): OwnAlert | null {
  const subject = subjectName(prep.label);
  const fileLines = prep.fileIssues.map(({ name, message }) => ({ name, message }));
  const problemLines = prep.problems.map(({ message }) => ({ name: subject, message }));
  if (decision.kind === 'add') {
    if (fileLines.length === 0) return null;
    return { title: 'Some files were left out', lines: fileLines, choices: [] };
  }
  if (decision.kind === 'refuse') {
    return {
      title: `${subject} can't be used`,
      lines: [...fileLines, ...problemLines],
      choices: [],
    };
  }
  const choices = decision.offers.map((offer, i) => ({ id: `offer-${i}`, label: offer.label }));
  if (decision.asIs) choices.push({ id: 'as-is', label: 'Use the text as it is' });
  return { title: `${subject} needs a change`, lines: [...fileLines, ...problemLines], choices };
}

/** A message about an input as a whole (a link, a failed read), with nothing to choose. */
export function plainAlert(title: string, message: string): OwnAlert {
  return { title, lines: [{ name: null, message }], choices: [] };
}

export function folderIssues(names: readonly string[]): FileIssue[] {
  return names.map((name) => ({ name, kind: 'folder', message: FOLDER_MESSAGE }));
}

/** What a drop with nothing to read gets (a link, dragged text, only folders); null otherwise. */
export function dropAlert(drop: DropKind<unknown>): OwnAlert | null {
  if (drop.kind === 'link') return plainAlert("That can't be used", LINK_MESSAGE);
  if (drop.kind === 'text') return plainAlert("That can't be used", TEXT_DRAG_MESSAGE);
  if (drop.kind === 'nothing' || drop.files.length > 0) return null;
  const [only] = drop.folders;
  return {
    title: drop.folders.length === 1 ? `${only} can't be used` : "These can't be used",
    lines: folderIssues(drop.folders).map(({ name, message }) => ({ name, message })),
    choices: [],
  };
}

/** Says where a text that was added went; a run under way keeps its own corpus. */
export function addedNotice(title: string, selected: boolean): string {
  return selected
    ? `Added “${title}” to the Corpus list and selected it.`
    : `“${title}” is ready in the Corpus list. The run under way keeps training on its own ` +
        'corpus: stop it, then pick your text.';
}

/** What a text is checked against: the form's sequence length and validation share, or the
 * defaults while one of them is being edited (an input must not wait for the form). */
export function validationSettings(checked: {
  values: { seqLen: number; valFraction: number };
  errors: Partial<Record<string, string>>;
}): { seqLen: number; valFraction: number } {
  const usable = checked.errors.seqLen === undefined && checked.errors.valFraction === undefined;
  const { seqLen, valFraction } = usable ? checked.values : DEFAULT_HYPERPARAMETERS;
  return { seqLen, valFraction };
}
