// Choosing and joining source files for the code corpus. Pure: the build script lists the files
// and passes paths, sizes and texts in.
//
// The source is @reduxjs/toolkit's src/ folder (MIT), which the package ships alongside its build
// and which is installed here as a dependency of recharts: about 680 KB of idiomatic, commented
// TypeScript (reducers, middleware, a data-fetching layer), so the network sees imports, generics,
// JSDoc and control flow. Its tests are not shipped, and we skip declaration files anyway.

export const CODE_PACKAGE = '@reduxjs/toolkit';
export const CODE_DIR = 'src';

export interface SourceFile {
  /** Path relative to the package root, with forward slashes: "src/createSlice.ts". */
  path: string;
  bytes: number;
}

/** TypeScript sources: .ts and .tsx, not declarations, tests or test helpers. */
export function isSourceFile(path: string): boolean {
  if (!/\.tsx?$/.test(path) || /\.d\.ts$/.test(path)) return false;
  return !/(^|\/)(tests?|__tests__)\/|\.(test|spec)\.tsx?$/.test(path);
}

/**
 * Source files in path order until the next would not fit budgetBytes, so a future, larger
 * version of the package cannot blow up the library. Sorted with plain < so every machine agrees.
 */
export function selectSourceFiles(files: readonly SourceFile[], budgetBytes: number): string[] {
  const sorted = files
    .filter((file) => isSourceFile(file.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const chosen: string[] = [];
  let total = 0;
  for (const file of sorted) {
    const size = fileHeader(file.path).length + file.bytes + FILE_SEPARATOR.length;
    if (total + size > budgetBytes) break;
    chosen.push(file.path);
    total += size;
  }
  return chosen;
}

/** A comment naming the file, so the network also learns where one file ends and the next begins. */
export function fileHeader(path: string): string {
  return `// ${path}\n`;
}

export const FILE_SEPARATOR = '\n\n';

/** Each file under its header; CRLF to LF and trailing whitespace dropped, the code otherwise as is. */
export function joinSourceFiles(files: readonly { path: string; text: string }[]): string {
  const parts = files.map(
    ({ path, text }) => fileHeader(path) + text.replace(/\r\n?/g, '\n').trimEnd(),
  );
  return parts.length === 0 ? '' : `${parts.join(FILE_SEPARATOR)}\n`;
}
