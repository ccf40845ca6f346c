// The user's own text as the page prepares it: what a preparation holds (the text, its figures,
// its problems and which file each belongs to), validation and counting of a text, offers applied,
// and the decision that follows. DOM-free: it runs in the corpus worker (corpusPrep.worker.ts), so
// a 50 MB text is checked and counted off the main thread, and it is unit-tested in Node. The
// rules themselves live in src/corpus; reading files is in prepareFiles.ts.
import { summariseCorpus, formatBytes, type CorpusSummary } from '../corpus/stats.ts';
import {
  applyOffer,
  canTrain,
  validateCorpus,
  type Offer,
  type ValidationSettings,
} from '../corpus/validate.ts';

/** A problem of the whole text (validate.ts's ValidationProblem fits). */
export interface Problem {
  kind: string;
  blocking: boolean;
  message: string;
  offer?: Offer;
}

/** A file left out of the corpus, and why. */
export interface FileIssue {
  name: string;
  kind: string;
  message: string;
}

export interface Preparation {
  /** What the text came from, for messages and the corpus's name: "notes.txt", "3 files". */
  label: string;
  /** Files in the text, in the order they appear. */
  names: string[];
  fileIssues: FileIssue[];
  /** Null when nothing could be read. */
  text: string | null;
  /** Problems of the text at the current settings, blocking ones first. */
  problems: Problem[];
  /** The panel's figures; only for a text that can train (saves passes over refused texts). */
  summary: CorpusSummary | null;
  /** What was done without asking (line endings, encoding, offers taken), for the panel. */
  notes: string[];
}

export const PASTED_LABEL = 'pasted text';

type Meta = Pick<Preparation, 'label' | 'names' | 'fileIssues' | 'notes'>;

/** Validates the text and, when it can train, counts what the panel shows. */
export function prepareText(meta: Meta, text: string, settings: ValidationSettings): Preparation {
  const problems = validateCorpus(text, settings);
  const summary = canTrain(problems) ? summariseCorpus(text) : null;
  return { ...meta, text, problems, summary };
}

export function preparePasted(text: string, settings: ValidationSettings): Preparation {
  return prepareText({ label: PASTED_LABEL, names: [], fileIssues: [], notes: [] }, text, settings);
}

function offerNote(offer: Offer): string {
  if (offer.kind === 'truncate') return `Only the first ${formatBytes(offer.maxBytes)} is used.`;
  return (
    `Kept the ${(offer.limit - 1).toLocaleString('en-US')} most frequent characters; the other ` +
    `${offer.replacedDistinct.toLocaleString('en-US')} became ${offer.unknown}.`
  );
}

/** Does what the offer says to the prepared text, then validates and counts it again. */
export function applyPreparationOffer(
  preparation: Preparation,
  offer: Offer,
  settings: ValidationSettings,
): Preparation {
  if (preparation.text === null) throw new Error('There is no text to apply the offer to.');
  const { label, names, fileIssues, notes } = preparation;
  const text = applyOffer(preparation.text, offer);
  return prepareText(
    { label, names, fileIssues, notes: [...notes, offerNote(offer)] },
    text,
    settings,
  );
}

export type Decision =
  /** The text can train as it is: add it. */
  | { kind: 'add' }
  /** Ask first: each offer fixes a problem; asIs says whether the text may also stay as it is. */
  | { kind: 'offer'; offers: Offer[]; asIs: boolean }
  /** Nothing to add: the messages say why. */
  | { kind: 'refuse' };

export function decide(preparation: Preparation): Decision {
  const { problems } = preparation;
  if (problems.some((p) => p.blocking && p.offer === undefined)) return { kind: 'refuse' };
  const offers = problems.flatMap((p) => (p.offer === undefined ? [] : [p.offer]));
  const usable = preparation.text !== null && problems.every((p) => !p.blocking);
  if (offers.length > 0) return { kind: 'offer', offers, asIs: usable };
  return usable ? { kind: 'add' } : { kind: 'refuse' };
}
