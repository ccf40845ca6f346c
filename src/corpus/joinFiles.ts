// Several dropped files -> one corpus, with the file names listed. Pure: the page decodes each file
// first (decode.ts names the one that is binary or badly encoded) and passes the texts here.
//
// Rules, and why:
// - Order: by file name, numbers compared as numbers, so chapter2.txt comes before chapter10.txt
//   whatever order the browser lists a drop in; the corpus is the same for every drop.
// - Separator: one blank line between files (each file's leading blank lines and trailing
//   whitespace removed first), so a file's last line never runs into the next file's first and
//   each file reads as a paragraph, as the built-in corpora do.
// - A file with nothing but whitespace is left out and listed as skipped.
// - A single file is kept exactly as it is.

export interface NamedText {
  name: string;
  text: string;
}

export interface JoinedFiles {
  text: string;
  /** The files joined, in the order they appear in the text. */
  names: string[];
  /** Files left out because they hold only whitespace. */
  skipped: string[];
  /** A short name for the corpus panel: "a.txt" or "a.txt + 2 more". */
  title: string;
}

export const FILE_SEPARATOR = '\n\n';

// Fixed locale so the order is the same in every browser; numeric for chapter numbers.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function byName(a: NamedText, b: NamedText): number {
  return collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

/** Removes blank lines at the start and any whitespace at the end. */
function trimEnds(text: string): string {
  return text.replace(/^(?:[^\S\n]*\n)+/, '').trimEnd();
}

export function joinFiles(files: readonly NamedText[]): JoinedFiles {
  const sorted = [...files].sort(byName);
  const kept = sorted.filter((file) => /\S/u.test(file.text));
  const skipped = sorted.filter((file) => !kept.includes(file)).map((file) => file.name);
  const names = kept.map((file) => file.name);
  const first = names[0] ?? '';
  const title = names.length > 1 ? `${first} + ${names.length - 1} more` : first;
  const only = kept[0];
  if (kept.length === 1 && only) return { text: only.text, names, skipped, title };
  const text = kept.map((file) => trimEnds(file.text)).join(FILE_SEPARATOR);
  return { text: text.length > 0 ? `${text}\n` : '', names, skipped, title };
}
