import { describe, expect, it } from 'vitest';
import { fileHeader, isSourceFile, joinSourceFiles, selectSourceFiles } from './code';

describe('isSourceFile', () => {
  it('takes TypeScript sources and leaves out declarations, tests and other files', () => {
    expect(isSourceFile('src/createSlice.ts')).toBe(true);
    expect(isSourceFile('src/query/react/index.tsx')).toBe(true);
    expect(isSourceFile('src/types.d.ts')).toBe(false);
    expect(isSourceFile('src/tests/createSlice.test.ts')).toBe(false);
    expect(isSourceFile('src/query/__tests__/helpers.ts')).toBe(false);
    expect(isSourceFile('src/slice.spec.ts')).toBe(false);
    expect(isSourceFile('src/README.md')).toBe(false);
    expect(isSourceFile('src/index.js')).toBe(false);
  });
});

describe('selectSourceFiles', () => {
  const files = [
    { path: 'src/query/core/api.ts', bytes: 100 },
    { path: 'src/index.ts', bytes: 100 },
    { path: 'src/createAction.ts', bytes: 100 },
    { path: 'src/types.d.ts', bytes: 5 },
  ];
  const cost = (path: string) => fileHeader(path).length + 100 + 2;

  it('takes sources in path order until the budget is full', () => {
    const all = cost('src/createAction.ts') + cost('src/index.ts') + cost('src/query/core/api.ts');
    expect(selectSourceFiles(files, all)).toEqual([
      'src/createAction.ts',
      'src/index.ts',
      'src/query/core/api.ts',
    ]);
    expect(selectSourceFiles(files, all - 1)).toEqual(['src/createAction.ts', 'src/index.ts']);
  });
});

describe('joinSourceFiles', () => {
  it('puts each file under a comment with its path, with LF line ends and no trailing blank lines', () => {
    const text = joinSourceFiles([
      { path: 'src/a.ts', text: 'export const a = 1\r\n\r\n' },
      { path: 'src/b.ts', text: '  // indented first line\nexport {}\n' },
    ]);
    expect(text).toBe(
      '// src/a.ts\nexport const a = 1\n\n// src/b.ts\n  // indented first line\nexport {}\n',
    );
  });

  it('is empty without files', () => {
    expect(joinSourceFiles([])).toBe('');
  });
});
