// Builds the built-in corpus library into public/corpora (run by `npm run corpora`, which runs
// before start, build and the tests). This file is the I/O layer only: choosing, generating and
// measuring text lives in scripts/corpora/, which is pure and unit tested.
//
// Runs on every start, so the common case must be instant: when public/corpora/.build-key
// matches the key computed from this script's sources and the input packages' versions, and
// every file the manifest lists is still there at the recorded size, nothing is rebuilt.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusEntry } from '../src/corpus/manifest';
import { formatBytes } from '../src/corpus/stats';
import { CODE_DIR, CODE_PACKAGE, joinSourceFiles, selectSourceFiles } from './corpora/code';
import {
  ADDITION_DEFAULTS,
  BRACKETS_DEFAULTS,
  NAMES_SEED,
  generateAddition,
  generateBrackets,
  namesToText,
} from './corpora/generate';
import {
  CODE_BUDGET_BYTES,
  NAMES_PACKAGES,
  SCRIPT_VERSION,
  SOTU_BUDGET_BYTES,
  SOTU_PACKAGE,
  TANG_BUDGET_BYTES,
  TANG_PACKAGE,
  additionEntry,
  bracketsEntry,
  buildKey,
  codeEntry,
  makeManifest,
  namesEntry,
  sotuEntry,
  tangEntry,
} from './corpora/library';
import { joinAddresses, selectNewestAddresses } from './corpora/sotu';
import { joinPoems, parsePoems, selectPoems, tangFiles, type Poem } from './corpora/tang';

const SCRIPTS_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(SCRIPTS_DIR);
const OUT_DIR = join(ROOT, 'public', 'corpora');
const MANIFEST = join(OUT_DIR, 'manifest.json');
const KEY_FILE = join(OUT_DIR, '.build-key');
/** Licence notices of the MIT packages whose text we ship (their terms ask for it). */
const NOTICES = join(OUT_DIR, 'NOTICES.txt');

interface InstalledPackage {
  dir: string;
  /** "name@version", as recorded in the manifest's source field. */
  spec: string;
}

/** Locates an installed package through Node's resolver; null when it is not installed. */
function findPackage(name: string): InstalledPackage | null {
  const require = createRequire(import.meta.url);
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${name}/package.json`);
  } catch {
    return null;
  }
  const pkg: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const version =
    typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string'
      ? pkg.version
      : 'unknown';
  return { dir: dirname(manifestPath), spec: `${name}@${version}` };
}

/** Short hash of the build's own sources (not its tests), so any edit triggers a rebuild. */
function sourceHash(): string {
  const corporaDir = join(SCRIPTS_DIR, 'corpora');
  const files = [
    join(SCRIPTS_DIR, 'build-corpora.ts'),
    // The manifest's figures come from here.
    join(ROOT, 'src', 'corpus', 'stats.ts'),
    ...readdirSync(corporaDir)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .sort()
      .map((name) => join(corporaDir, name)),
  ];
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The manifest's file list with sizes, or null when it is missing or not the expected shape. */
function readManifestFiles(): { file: string; bytes: number }[] | null {
  const text = readText(MANIFEST);
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || !('corpora' in data)) return null;
  if (!Array.isArray(data.corpora)) return null;
  const files: { file: string; bytes: number }[] = [];
  for (const item of data.corpora as unknown[]) {
    if (typeof item !== 'object' || item === null) return null;
    if (!('file' in item) || !('bytes' in item)) return null;
    const { file, bytes } = item;
    // basename check: never let a hand-edited manifest point outside public/corpora.
    if (typeof file !== 'string' || typeof bytes !== 'number' || basename(file) !== file) {
      return null;
    }
    files.push({ file, bytes });
  }
  return files;
}

/** Number of corpora when the library on disk matches the key, otherwise null. */
function upToDate(key: string): number | null {
  if (readText(KEY_FILE)?.trim() !== key) return null;
  const files = readManifestFiles();
  if (files === null || readText(NOTICES) === null) return null;
  for (const { file, bytes } of files) {
    try {
      if (statSync(join(OUT_DIR, file)).size !== bytes) return null;
    } catch {
      return null;
    }
  }
  return files.length;
}

function writeCorpus(entry: CorpusEntry, text: string, detail: string): void {
  writeFileSync(join(OUT_DIR, entry.file), text, 'utf8');
  const size = formatBytes(entry.bytes);
  const chars = entry.chars.toLocaleString('en-US');
  console.log(
    `corpora: ${entry.file} ${size} (${chars} chars, vocab ${entry.vocabSize}; ${detail})`,
  );
}

function buildSotu(sotu: InstalledPackage): CorpusEntry {
  const dataDir = join(sotu.dir, 'data');
  const files = readdirSync(dataDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => ({ name, bytes: statSync(join(dataDir, name)).size }));
  const addresses = selectNewestAddresses(files, SOTU_BUDGET_BYTES);
  if (addresses.length === 0) throw new Error(`no addresses found in ${dataDir}`);
  const text = joinAddresses(addresses.map((a) => readFileSync(join(dataDir, a.file), 'utf8')));
  const entry = sotuEntry(text, addresses, sotu.spec);
  const years = `${addresses[0]?.year}–${addresses[addresses.length - 1]?.year}`;
  writeCorpus(entry, text, `${addresses.length} addresses ${years}`);
  return entry;
}

function buildAddition(): CorpusEntry {
  const text = generateAddition(ADDITION_DEFAULTS);
  const entry = additionEntry(text, ADDITION_DEFAULTS.lines, ADDITION_DEFAULTS.maxOperand);
  const { lines, seed } = ADDITION_DEFAULTS;
  writeCorpus(entry, text, `${lines.toLocaleString('en-US')} lines, seed ${seed}`);
  return entry;
}

/** The packages' lib reads data/names.json, a JSON array of strings; we read it the same way. */
function readNames(pkg: InstalledPackage): string[] {
  const path = join(pkg.dir, 'data', 'names.json');
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(data) || !data.every((name) => typeof name === 'string')) {
    throw new Error(`${path} is not a JSON array of strings`);
  }
  return data as string[];
}

function buildNames(packages: readonly InstalledPackage[]): CorpusEntry {
  const text = namesToText(packages.map(readNames), NAMES_SEED);
  const count = text.split('\n').length - 1;
  const entry = namesEntry(
    text,
    count,
    packages.map((p) => p.spec),
  );
  writeCorpus(entry, text, `${count.toLocaleString('en-US')} names, seed ${NAMES_SEED}`);
  return entry;
}

function buildTang(pkg: InstalledPackage): CorpusEntry {
  const dir = join(pkg.dir, 'dist', 'quantangshi');
  const files = tangFiles(readdirSync(dir));
  // A generator, so selectPoems reads only as many of the 58 files (144 MB) as the budget needs.
  function* poems(): Generator<Poem> {
    for (const file of files) yield* parsePoems(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  }
  const chosen = selectPoems(poems(), TANG_BUDGET_BYTES);
  if (chosen.length === 0) throw new Error(`no Tang poems found in ${dir}`);
  const text = joinPoems(chosen);
  const entry = tangEntry(text, chosen.length, pkg.spec);
  writeCorpus(entry, text, `${chosen.length.toLocaleString('en-US')} poems`);
  return entry;
}

function buildCode(pkg: InstalledPackage): CorpusEntry {
  const dir = join(pkg.dir, CODE_DIR);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => `${CODE_DIR}/${name.split(sep).join('/')}`)
    .filter((path) => statSync(join(pkg.dir, path)).isFile())
    .map((path) => ({ path, bytes: statSync(join(pkg.dir, path)).size }));
  const chosen = selectSourceFiles(files, CODE_BUDGET_BYTES);
  if (chosen.length === 0) throw new Error(`no TypeScript sources found in ${dir}`);
  const text = joinSourceFiles(
    chosen.map((path) => ({ path, text: readFileSync(join(pkg.dir, path), 'utf8') })),
  );
  const entry = codeEntry(text, chosen.length, pkg.spec);
  writeCorpus(entry, text, `${chosen.length} files`);
  return entry;
}

function buildBrackets(): CorpusEntry {
  const text = generateBrackets(BRACKETS_DEFAULTS);
  const entry = bracketsEntry(text, BRACKETS_DEFAULTS);
  const { lines, seed } = BRACKETS_DEFAULTS;
  writeCorpus(entry, text, `${lines.toLocaleString('en-US')} lines, seed ${seed}`);
  return entry;
}

/** The LICENSE file of each package whose text is shipped under a licence that asks for it. */
function writeNotices(packages: readonly InstalledPackage[]): void {
  const sections = packages.map((pkg) => {
    const licence = readText(join(pkg.dir, 'LICENSE'))?.trim();
    if (!licence) throw new Error(`${pkg.spec} has no LICENSE file to ship with its text`);
    return `${pkg.spec}\n${'='.repeat(pkg.spec.length)}\n\n${licence}\n`;
  });
  const header =
    'Notices for the third-party text in this folder (see README.md for each corpus).\n\n';
  writeFileSync(NOTICES, header + sections.join('\n'), 'utf8');
}

function main(): void {
  const sotu = findPackage(SOTU_PACKAGE);
  if (sotu === null) {
    throw new Error(`${SOTU_PACKAGE} is not installed; run npm install`);
  }
  const names = NAMES_PACKAGES.map(findPackage);
  const tang = findPackage(TANG_PACKAGE);
  const code = findPackage(CODE_PACKAGE);
  const inputs = [SOTU_PACKAGE, ...NAMES_PACKAGES, TANG_PACKAGE, CODE_PACKAGE];
  const key = buildKey({
    scriptVersion: SCRIPT_VERSION,
    sourceHash: sourceHash(),
    packages: inputs.map((name) => findPackage(name)?.spec ?? `${name}@absent`),
  });

  const existing = upToDate(key);
  if (existing !== null) {
    console.log(`corpora: up to date (${existing} corpora in ${relative(ROOT, OUT_DIR)})`);
    return;
  }

  // Drop the key first: if the build dies half way, the next run must not think it is done.
  mkdirSync(OUT_DIR, { recursive: true });
  rmSync(KEY_FILE, { force: true });
  const previous = readManifestFiles() ?? [];

  // The page lists corpora in this order; sotu, the default, comes first.
  const corpora = [buildSotu(sotu)];
  const installedNames = names.filter((pkg): pkg is InstalledPackage => pkg !== null);
  if (installedNames.length === names.length) corpora.push(buildNames(installedNames));
  else console.log(`corpora: names skipped (${NAMES_PACKAGES.join(', ')} not all installed)`);
  if (tang !== null) corpora.push(buildTang(tang));
  else console.log(`corpora: tang skipped (${TANG_PACKAGE} not installed)`);
  if (code !== null) corpora.push(buildCode(code));
  else console.log(`corpora: code skipped (${CODE_PACKAGE} not installed)`);
  corpora.push(buildAddition(), buildBrackets());
  writeNotices([tang, code].filter((pkg): pkg is InstalledPackage => pkg !== null));

  // Remove files a previous build listed that this one no longer produces (e.g. tang.txt
  // after its package was uninstalled), so the folder matches the manifest.
  const current = new Set(corpora.map((corpus) => corpus.file));
  for (const { file } of previous) {
    if (!current.has(file)) rmSync(join(OUT_DIR, file), { force: true });
  }

  writeFileSync(MANIFEST, `${JSON.stringify(makeManifest(corpora), null, 2)}\n`, 'utf8');
  writeFileSync(KEY_FILE, `${key}\n`, 'utf8');
  const total = corpora.reduce((sum, corpus) => sum + corpus.bytes, 0);
  console.log(`corpora: ${corpora.length} corpora, ${formatBytes(total)} in all`);
}

try {
  main();
} catch (error) {
  console.error(`corpora: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
