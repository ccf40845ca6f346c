import { describe, expect, it } from 'vitest';
import { FOLDER_MESSAGE } from './dropInput.ts';
import { decide } from './prepareCorpus.ts';
import { PreparationCancelled, prepareFiles, type FileLike } from './prepareFiles.ts';

const settings = { seqLen: 16, valFraction: 0.1 }; // needs at least 181 characters
const long = (word: string) => `${word} `.repeat(100);
const textFile = (name: string, text: string) => new File([text], name, { type: 'text/plain' });

/** A file the browser lists but cannot read, as Chromium gives for a dropped folder. */
function unreadable(name: string, type = ''): FileLike {
  const fail = () => Promise.reject(new Error('NotFoundError'));
  return { name, type, size: 0, arrayBuffer: fail, slice: () => ({ arrayBuffer: fail }) };
}

describe('prepareFiles', () => {
  it('reads one good file into a corpus with its figures', async () => {
    const prep = await prepareFiles([textFile('notes.txt', long('hello'))], { settings });
    expect(prep.label).toBe('notes.txt');
    expect(prep.names).toEqual(['notes.txt']);
    expect(prep.problems).toEqual([]);
    expect(prep.summary?.chars).toBe(600);
    expect(prep.summary?.vocabSize).toBe(5); // h e l o and the space
    expect(decide(prep)).toEqual({ kind: 'add' });
  });

  it('joins several files in name order and lists them', async () => {
    const files = [textFile('b.txt', long('bee')), textFile('a.txt', long('ant'))];
    const prep = await prepareFiles(files, { settings });
    expect(prep.label).toBe('2 files');
    expect(prep.names).toEqual(['a.txt', 'b.txt']);
    expect(prep.text?.startsWith('ant ant')).toBe(true);
    expect(prep.text).toContain('\n\nbee');
  });

  it('leaves a bad file out, by name, and keeps the good ones', async () => {
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 0x1a, 10, 0])], 'x.png');
    const files = [textFile('a.txt', long('ant')), png, textFile('blank.txt', ' \n ')];
    const prep = await prepareFiles(files, { settings });
    expect(prep.names).toEqual(['a.txt']);
    expect(prep.label).toBe('a.txt');
    expect(prep.fileIssues.map((i) => [i.name, i.kind])).toEqual([
      ['x.png', 'binary'],
      ['blank.txt', 'whitespace-only'],
    ]);
    expect(decide(prep)).toEqual({ kind: 'add' });
  });

  it.each([
    ['empty', new Uint8Array(0), /empty/],
    ['whitespace-only', new TextEncoder().encode(' \n\t\n'), /only spaces/],
    ['binary', new Uint8Array([0, 65, 66, 0, 67, 68]), /NUL bytes/],
    ['invalid-encoding', new Uint8Array([65, 0xff, 66]), /not valid UTF-8/],
  ])('refuses a file that is %s, naming it', async (kind, bytes, message) => {
    const prep = await prepareFiles([new File([bytes], 'bad.txt')], { settings });
    expect(prep.text).toBeNull();
    expect(prep.fileIssues).toEqual([
      { name: 'bad.txt', kind, message: expect.stringMatching(message) as unknown },
    ]);
    expect(decide(prep)).toEqual({ kind: 'refuse' });
  });

  it('says how long a too-short text must be', async () => {
    const prep = await prepareFiles([textFile('short.txt', 'tiny text')], { settings });
    expect(prep.problems[0]?.kind).toBe('too-short');
    expect(prep.problems[0]?.message).toContain('at least 181');
    expect(prep.summary).toBeNull();
    expect(decide(prep)).toEqual({ kind: 'refuse' });
  });

  it('decodes UTF-16 with a BOM and normalises CRLF, saying so', async () => {
    const text = 'line one\r\n'.repeat(30);
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const prep = await prepareFiles([new File([bytes], 'w.txt')], { settings });
    expect(prep.text).toBe('line one\n'.repeat(30));
    expect(prep.notes).toEqual([
      'w.txt had Windows (CRLF) line endings: converted to plain line breaks.',
      'w.txt was read as UTF-16 (little-endian).',
    ]);
  });

  it('refuses an oversized file before reading it, offering its start', async () => {
    const file = textFile('big.txt', 'a line of words\n'.repeat(30));
    const small = { ...settings, maxBytes: 200 };
    const prep = await prepareFiles([file], { settings: small });
    expect(prep.text).toBeNull();
    const decision = decide(prep);
    expect(decision).toMatchObject({ kind: 'offer', asIs: false });
    expect(prep.problems[0]?.offer?.kind).toBe('truncate');

    const firstPart = await prepareFiles([file], { settings: small, readFirstPart: true });
    // Twelve whole lines: the cut falls on the last line break that fits.
    expect(firstPart.text).toBe('a line of words\n'.repeat(12));
    expect(firstPart.notes).toContain('Only the first 200 B of big.txt is used.');
  });

  it('refuses several files that are too large together, and leaves out one too large alone', async () => {
    const small = { ...settings, maxBytes: 700 };
    const files = [textFile('a.txt', long('abc')), textFile('b.txt', long('abd'))];
    const together = await prepareFiles(files, { settings: small });
    expect(together.problems[0]?.message).toMatch(/These 2 files are .* together/);
    expect(decide(together)).toEqual({ kind: 'refuse' });

    const huge = textFile('huge.txt', long('abcdefgh'));
    const prep = await prepareFiles([huge, files[0]!], { settings: small });
    expect(prep.names).toEqual(['a.txt']);
    expect(prep.fileIssues[0]).toMatchObject({ name: 'huge.txt', kind: 'too-large' });
  });

  it('takes an untyped file that cannot be read for a folder', async () => {
    const prep = await prepareFiles([unreadable('chapters')], { settings });
    expect(prep.fileIssues).toEqual([
      { name: 'chapters', kind: 'folder', message: FOLDER_MESSAGE },
    ]);
    const typed = await prepareFiles([unreadable('gone.txt', 'text/plain')], { settings });
    expect(typed.fileIssues[0]?.kind).toBe('unreadable');
  });

  it('reports progress and stops when cancelled', async () => {
    const file = textFile('a.txt', long('progress'));
    const seen: number[] = [];
    await prepareFiles([file], { settings, chunkBytes: 100, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(1);
    const cancelled = prepareFiles([file], { settings, chunkBytes: 100, isCancelled: () => true });
    await expect(cancelled).rejects.toBeInstanceOf(PreparationCancelled);
  });
});
