import { describe, expect, it } from 'vitest';
import type { CorpusEntry } from '../corpus/manifest.ts';
import { countCodePoints, loadCorpusText, loadManifest, parseManifest } from './corpusLibrary.ts';

const entry: CorpusEntry = {
  id: 'tiny',
  title: 'Tiny',
  description: 'A tiny text.',
  file: 'tiny.txt',
  bytes: 12,
  chars: 12,
  vocabSize: 8,
  source: 'generated',
  licence: 'CC0',
};

function respond(body: string, init: ResponseInit & { type?: string } = {}) {
  const headers = { 'content-type': init.type ?? 'application/json' };
  return async () => new Response(body, { status: init.status ?? 200, headers });
}

describe('loadManifest', () => {
  it('reads the manifest from the base URL', async () => {
    const urls: string[] = [];
    const manifest = await loadManifest('/play/', async (url) => {
      urls.push(url);
      return respond(JSON.stringify({ corpora: [entry], defaultId: 'tiny' }))();
    });
    expect(urls).toEqual(['/play/corpora/manifest.json']);
    expect(manifest.defaultId).toBe('tiny');
  });

  it('tells the user to run npm run corpora when the manifest is missing', async () => {
    await expect(loadManifest('/', respond('not found', { status: 404 }))).rejects.toThrow(
      'The corpus library is missing: run npm run corpora',
    );
  });

  it("treats the dev server's index.html fallback as missing", async () => {
    await expect(
      loadManifest('/', respond('<!doctype html>', { type: 'text/html' })),
    ).rejects.toThrow('npm run corpora');
  });

  it('reports a network failure', async () => {
    await expect(
      loadManifest('/', async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).rejects.toThrow('Could not load the corpus library (Failed to fetch).');
  });
});

describe('parseManifest', () => {
  it('falls back to the first corpus when defaultId names none', () => {
    expect(parseManifest({ corpora: [entry], defaultId: 'gone' }).defaultId).toBe('tiny');
  });

  it('rejects entries with missing fields', () => {
    expect(() => parseManifest({ corpora: [{ id: 'x' }], defaultId: 'x' })).toThrow(
      'corpora[0].title is not a string',
    );
  });
});

describe('loadCorpusText', () => {
  it('returns the text of the entry file', async () => {
    const text = await loadCorpusText('/', entry, respond('hello world!', { type: 'text/plain' }));
    expect(text).toBe('hello world!');
  });

  it('names the missing file', async () => {
    await expect(loadCorpusText('/', entry, respond('', { status: 404 }))).rejects.toThrow(
      'The corpus file tiny.txt ("Tiny") is missing',
    );
  });
});

describe('countCodePoints', () => {
  it('counts astral characters once', () => {
    expect(countCodePoints('a😀b')).toBe(3);
    expect(countCodePoints('')).toBe(0);
  });
});
