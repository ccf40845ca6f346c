import { describe, expect, it } from 'vitest';
import { joinFiles } from './joinFiles.ts';

describe('joinFiles', () => {
  it('keeps a single file exactly as it is', () => {
    const text = '\n\n  Indented start.\nEnd without break   ';
    expect(joinFiles([{ name: 'a.txt', text }])).toEqual({
      text,
      names: ['a.txt'],
      skipped: [],
      title: 'a.txt',
    });
  });

  it('joins several files by name, numbers in order, with one blank line between', () => {
    const joined = joinFiles([
      { name: 'chapter10.txt', text: 'Ten.\n' },
      { name: 'chapter2.txt', text: '\n\nTwo.\n\n\n' },
      { name: 'Chapter1.txt', text: 'One.\r\nStill one.' },
    ]);
    expect(joined.names).toEqual(['Chapter1.txt', 'chapter2.txt', 'chapter10.txt']);
    expect(joined.text).toBe('One.\r\nStill one.\n\nTwo.\n\nTen.\n');
    expect(joined.title).toBe('Chapter1.txt + 2 more');
  });

  it('keeps the indentation of a file’s first line', () => {
    const joined = joinFiles([
      { name: 'a.py', text: '\n    indented()\n' },
      { name: 'b.py', text: 'def f():\n    pass\n' },
    ]);
    expect(joined.text).toBe('    indented()\n\ndef f():\n    pass\n');
  });

  it('leaves out and lists files with nothing but whitespace', () => {
    const joined = joinFiles([
      { name: 'b.txt', text: 'Bee.' },
      { name: 'blank.txt', text: ' \n\t\n' },
      { name: 'a.txt', text: 'Ay.' },
    ]);
    expect(joined).toEqual({
      text: 'Ay.\n\nBee.\n',
      names: ['a.txt', 'b.txt'],
      skipped: ['blank.txt'],
      title: 'a.txt + 1 more',
    });
  });

  it('gives empty text when every file is blank', () => {
    expect(
      joinFiles([
        { name: 'x', text: '' },
        { name: 'y', text: '\n' },
      ]),
    ).toMatchObject({
      text: '',
      names: [],
      skipped: ['x', 'y'],
    });
  });
});
