import { describe, expect, it } from 'vitest';
import {
  FOLDER_MESSAGE,
  classifyDrop,
  unreadableFileProblem,
  type DroppedItem,
} from './dropInput.ts';

const file = (name: string, isDirectory: boolean | null = false): DroppedItem<string> => ({
  file: name,
  name,
  isDirectory,
});

describe('classifyDrop', () => {
  it('returns the files of a file drop, in order', () => {
    const drop = { items: [file('b.txt'), file('a.txt')], types: ['Files'] };
    expect(classifyDrop(drop)).toEqual({ kind: 'files', files: ['b.txt', 'a.txt'], folders: [] });
  });

  it('lists folders apart, by name, so they can be reported and left out', () => {
    const drop = { items: [file('chapters', true), file('notes.txt')], types: ['Files'] };
    expect(classifyDrop(drop)).toEqual({
      kind: 'files',
      files: ['notes.txt'],
      folders: ['chapters'],
    });
  });

  it('reports a drop of only a folder as files with no file', () => {
    const drop = { items: [file('chapters', true)], types: ['Files'] };
    expect(classifyDrop(drop)).toEqual({ kind: 'files', files: [], folders: ['chapters'] });
  });

  it('reads an item without an entry (a scripted DataTransfer) as a file', () => {
    const drop = { items: [file('notes.txt', null)], types: ['Files'] };
    expect(classifyDrop(drop)).toEqual({ kind: 'files', files: ['notes.txt'], folders: [] });
  });

  it('calls a link or an image from another tab a link', () => {
    expect(classifyDrop({ items: [], types: ['text/uri-list'] })).toEqual({ kind: 'link' });
    expect(classifyDrop({ items: [], types: ['text/html', 'text/plain'] })).toEqual({
      kind: 'link',
    });
  });

  it('calls plain dragged text text, and an empty drag nothing', () => {
    expect(classifyDrop({ items: [], types: ['text/plain'] })).toEqual({ kind: 'text' });
    expect(classifyDrop({ items: [], types: [] })).toEqual({ kind: 'nothing' });
  });

  it('ignores a file item whose file the browser withheld', () => {
    const drop = { items: [{ file: null, name: '', isDirectory: null }], types: ['Files'] };
    expect(classifyDrop(drop)).toEqual({ kind: 'nothing' });
  });
});

describe('unreadableFileProblem', () => {
  it('takes an untyped file that cannot be read for a folder', () => {
    expect(unreadableFileProblem({ name: 'chapters', size: 0, type: '' })).toEqual({
      kind: 'folder',
      message: FOLDER_MESSAGE,
    });
    expect(unreadableFileProblem({ name: 'chapters', size: 4096, type: '' }).kind).toBe('folder');
  });

  it('calls a typed file that cannot be read unreadable', () => {
    const problem = unreadableFileProblem({ name: 'a.txt', size: 10, type: 'text/plain' });
    expect(problem.kind).toBe('unreadable');
    expect(problem.message).toMatch(/could not be read/);
  });
});
