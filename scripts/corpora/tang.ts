// Choosing and formatting Tang poems from the npm package chinese-poetry (MIT). Pure: the build
// script reads the JSON files and passes the parsed data in, lazily, so only the files needed to
// fill the budget are read.
//
// Layout of the package (version 2.0.1): dist/quantangshi/ holds the Complete Tang Poems as
// poet.tang.0.json, poet.tang.1000.json, ... (1,000 poems each, in the anthology's order) and the
// anthology 唐诗三百首.json (Three Hundred Tang Poems); poet.song.*.json are Song poems, which we
// leave out. Each file is a JSON array of { author, paragraphs: string[], title, id }, in
// traditional characters, one paragraph per couplet.

export interface Poem {
  title: string;
  /** One couplet each, e.g. "床前明月光，疑是地上霜。". */
  paragraphs: string[];
}

/** The anthology first (the best-known poems), then the Complete Tang Poems in order. */
export const TANG_ANTHOLOGY_FILE = '唐诗三百首.json';
const TANG_FILE = /^poet\.tang\.(\d+)\.json$/;

/** The Tang files of dist/quantangshi in reading order; Song poems and other files left out. */
export function tangFiles(names: readonly string[]): string[] {
  const numbered = names
    .map((name) => ({ name, match: TANG_FILE.exec(name) }))
    .filter((f) => f.match !== null)
    .sort((a, b) => Number(a.match?.[1]) - Number(b.match?.[1]))
    .map((f) => f.name);
  return [...(names.includes(TANG_ANTHOLOGY_FILE) ? [TANG_ANTHOLOGY_FILE] : []), ...numbered];
}

/** The poems in one parsed file; entries of another shape are skipped, not trusted. */
export function parsePoems(data: unknown): Poem[] {
  if (!Array.isArray(data)) throw new Error('expected a JSON array of poems');
  const poems: Poem[] = [];
  for (const item of data as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    if (!('title' in item) || !('paragraphs' in item)) continue;
    const { title, paragraphs } = item;
    if (typeof title !== 'string' || !Array.isArray(paragraphs)) continue;
    if (!paragraphs.every((p): p is string => typeof p === 'string')) continue;
    poems.push({ title: title.trim(), paragraphs: paragraphs.map((p) => p.trim()) });
  }
  return poems;
}

// Han characters and the full-width punctuation of the poems; a space only separates a title's
// parts ("帝京篇十首 一"). Poems with anything else carry editorial marks: □ for a lost character,
// [..] around a conjectured one, digits or Latin letters in notes. About 2 % of the poems; left
// out so the network learns poems, not an editor's apparatus.
const POEM_LINE = /^[\p{Script=Han}，。？！：；、《》「」『』·]+$/u;
const TITLE = /^[\p{Script=Han}，。？！：；、《》「」『』· ]+$/u;

export function isCleanPoem(poem: Poem): boolean {
  return (
    TITLE.test(poem.title) &&
    poem.paragraphs.length > 0 &&
    poem.paragraphs.every((line) => POEM_LINE.test(line))
  );
}

/** Title line, then one couplet per line. */
export function formatPoem(poem: Poem): string {
  return [poem.title, ...poem.paragraphs].join('\n');
}

export const POEM_SEPARATOR = '\n\n';

const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Clean poems in the order given until the next one would not fit budgetBytes (UTF-8, joined).
 * Duplicates are dropped by their first couplet: the anthology's poems reappear in the Complete
 * Tang Poems. Pulls from the iterable only as far as needed.
 */
export function selectPoems(poems: Iterable<Poem>, budgetBytes: number): Poem[] {
  const chosen: Poem[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const poem of poems) {
    if (!isCleanPoem(poem)) continue;
    const key = poem.paragraphs[0] ?? '';
    if (seen.has(key)) continue;
    const size = utf8Bytes(formatPoem(poem)) + (chosen.length > 0 ? POEM_SEPARATOR.length : 0);
    if (total + size > budgetBytes) break;
    seen.add(key);
    chosen.push(poem);
    total += size;
  }
  return chosen;
}

/** The corpus text: one poem per paragraph, a blank line between, ending with a line break. */
export function joinPoems(poems: readonly Poem[]): string {
  return poems.length === 0 ? '' : `${poems.map(formatPoem).join(POEM_SEPARATOR)}\n`;
}
