// Opened or dropped files -> a Preparation (prepareCorpus.ts): sizes checked before anything is
// read, each file decoded in chunks (so progress can be shown and a read cancelled), bad files left
// out by name, the rest joined. DOM-free, so it runs in the corpus worker and is tested in Node.
import { blobChunks, decodeChunks, type SliceableBlob } from '../corpus/chunkedRead.ts';
import type { Decoded } from '../corpus/decode.ts';
import { joinFiles, type NamedText } from '../corpus/joinFiles.ts';
import { formatBytes } from '../corpus/stats.ts';
import {
  MAX_CORPUS_BYTES,
  checkFileSize,
  validateCorpus,
  type ValidationSettings,
} from '../corpus/validate.ts';
import { unreadableFileProblem } from './dropInput.ts';
import { prepareText, type FileIssue, type Preparation, type Problem } from './prepareCorpus.ts';

/** What a File offers, in the subset that the DOM's and Node's share. */
export interface FileLike extends SliceableBlob {
  readonly name: string;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Thrown by prepareFiles when isCancelled says so: a newer input replaced this one. */
export class PreparationCancelled extends Error {
  override name = 'PreparationCancelled';
}

export interface FileReadOptions {
  settings: ValidationSettings;
  /** The single file is over the size limit and the user chose to use its start. */
  readFirstPart?: boolean;
  chunkBytes?: number;
  /** Share of the bytes read so far, after each chunk. */
  onProgress?: (fraction: number) => void;
  /** Checked after each chunk, so that a read replaced by a newer one stops within a chunk. */
  isCancelled?: () => boolean;
}

const LINE_ENDING_NOTES: Partial<Record<Decoded['lineEndings'], string>> = {
  crlf: 'had Windows (CRLF) line endings: converted to plain line breaks.',
  cr: 'had old Mac (CR) line endings: converted to plain line breaks.',
  mixed: 'had mixed line endings: converted to plain line breaks.',
};

function decodingNotes(name: string, decoded: Decoded): string[] {
  const notes: string[] = [];
  const endings = LINE_ENDING_NOTES[decoded.lineEndings];
  if (endings !== undefined) notes.push(`${name} ${endings}`);
  if (decoded.encoding !== 'utf-8') {
    const order = decoded.encoding === 'utf-16le' ? 'little-endian' : 'big-endian';
    notes.push(`${name} was read as UTF-16 (${order}).`);
  }
  return notes;
}

type ReadResult = { ok: true; decoded: Decoded } | { ok: false; issue: FileIssue };

async function readOne(
  file: FileLike,
  limit: number,
  options: FileReadOptions,
  onBytes: (bytes: number) => void,
): Promise<ReadResult> {
  const truncated = file.size > limit;
  const end = Math.min(file.size, limit);
  try {
    // Slices of an empty File are never read from disk, so a dropped folder (size 0) would pass
    // as an empty file: reading the whole of it is what fails.
    if (file.size === 0) await file.arrayBuffer();
    const result = await decodeChunks(blobChunks(file, options.chunkBytes, end), {
      totalBytes: end,
      truncated,
      onProgress: (progress) => {
        if (options.isCancelled?.()) throw new PreparationCancelled();
        onBytes(progress.bytesDone);
      },
    });
    if (!result.ok) {
      const { kind, message } = result.problem;
      return { ok: false, issue: { name: file.name, kind, message } };
    }
    return { ok: true, decoded: result };
  } catch (error) {
    if (error instanceof PreparationCancelled) throw error;
    return { ok: false, issue: { name: file.name, ...unreadableFileProblem(file) } };
  }
}

/** The start of a file read only in part ends at a line break, as validate.ts cuts a text. */
function atLastLineBreak(text: string): string {
  const end = text.lastIndexOf('\n');
  return end > 0 ? text.slice(0, end + 1) : text;
}

function tooLargeTogether(files: readonly FileLike[], bytes: number, maxBytes: number): Problem {
  return {
    kind: 'too-large',
    blocking: true,
    message:
      `These ${files.length} files are ${formatBytes(bytes)} together, more than the ` +
      `${formatBytes(maxBytes)} the playground can train on. Open or drop fewer at a time.`,
  };
}

function tooLargeAmongOthers(file: FileLike, maxBytes: number): FileIssue {
  return {
    name: file.name,
    kind: 'too-large',
    message:
      `This file is ${formatBytes(file.size)}, more than the ${formatBytes(maxBytes)} the ` +
      `playground can train on. Open or drop it on its own to use its first ${formatBytes(maxBytes)}.`,
  };
}

/**
 * Reads, decodes and joins the files, then validates and counts the text. Sizes are checked
 * before anything is read, so a 2 GB file is never loaded. A bad file among good ones is left out
 * (and reported by name); the rest still make a corpus.
 */
export async function prepareFiles(
  files: readonly FileLike[],
  options: FileReadOptions,
): Promise<Preparation> {
  const { settings } = options;
  const maxBytes = settings.maxBytes ?? MAX_CORPUS_BYTES;
  const only = files.length === 1 ? files[0] : undefined;
  const label = only?.name ?? `${files.length} files`;
  const base: Preparation = {
    label,
    names: [],
    fileIssues: [],
    text: null,
    problems: [],
    summary: null,
    notes: [],
  };

  const fileIssues: FileIssue[] = [];
  let toRead = [...files];
  if (only !== undefined) {
    const tooLarge = options.readFirstPart ? null : checkFileSize(only.size, maxBytes);
    if (tooLarge !== null) return { ...base, problems: [tooLarge] };
  } else {
    toRead = files.filter((file) => file.size <= maxBytes);
    for (const file of files)
      if (file.size > maxBytes) fileIssues.push(tooLargeAmongOthers(file, maxBytes));
    const together = toRead.reduce((sum, file) => sum + file.size, 0);
    if (together > maxBytes) {
      return { ...base, fileIssues, problems: [tooLargeTogether(toRead, together, maxBytes)] };
    }
  }

  const totalBytes = toRead.reduce((sum, file) => sum + Math.min(file.size, maxBytes), 0);
  let doneBytes = 0;
  const texts: NamedText[] = [];
  const notes: string[] = [];
  for (const file of toRead) {
    const report = (bytes: number) => options.onProgress?.((doneBytes + bytes) / totalBytes);
    const result = await readOne(file, maxBytes, options, report);
    doneBytes += Math.min(file.size, maxBytes);
    if (!result.ok) {
      fileIssues.push(result.issue);
      continue;
    }
    const cut = file.size > maxBytes;
    const text = cut ? atLastLineBreak(result.decoded.text) : result.decoded.text;
    // Empty and whitespace-only files get validate.ts's own words; it stops at the first letter.
    const blank = /\S/u.test(text) ? undefined : validateCorpus(text, settings)[0];
    if (blank !== undefined) {
      fileIssues.push({ name: file.name, kind: blank.kind, message: blank.message });
      continue;
    }
    texts.push({ name: file.name, text });
    notes.push(...decodingNotes(file.name, result.decoded));
    if (cut) notes.push(`Only the first ${formatBytes(maxBytes)} of ${file.name} is used.`);
  }
  if (texts.length === 0) return { ...base, fileIssues, notes };
  const joined = joinFiles(texts);
  const joinedLabel = joined.names.length === 1 ? joined.title : `${joined.names.length} files`;
  return prepareText(
    { label: joinedLabel, names: joined.names, fileIssues, notes },
    joined.text,
    settings,
  );
}
