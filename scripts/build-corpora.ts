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
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusEntry } from '../src/corpus/manifest';
import { ADDITION_DEFAULTS, generateAddition, namesToText } from './corpora/generate';
import {
  NAMES_PACKAGE,
  SCRIPT_VERSION,
  SOTU_BUDGET_BYTES,
  SOTU_PACKAGE,
  additionEntry,
  buildKey,
  makeManifest,
  namesEntry,
  sotuEntry,
} from './corpora/library';
import { joinAddresses, selectNewestAddresses } from './corpora/sotu';
import { formatBytes } from './corpora/stats';

const SCRIPTS_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(SCRIPTS_DIR);
const OUT_DIR = join(ROOT, 'public', 'corpora');
const MANIFEST = join(OUT_DIR, 'manifest.json');
const KEY_FILE = join(OUT_DIR, '.build-key');

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
  if (files === null) return null;
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

/** The package's lib reads data/names.json, a JSON array of strings; we read it the same way. */
function buildNames(names: InstalledPackage): CorpusEntry {
  const path = join(names.dir, 'data', 'names.json');
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(data) || !data.every((name) => typeof name === 'string')) {
    throw new Error(`${path} is not a JSON array of strings`);
  }
  const text = namesToText(data as string[]);
  const count = text.split('\n').length - 1;
  const entry = namesEntry(text, count, names.spec);
  writeCorpus(entry, text, `${count.toLocaleString('en-US')} names`);
  return entry;
}

function main(): void {
  const sotu = findPackage(SOTU_PACKAGE);
  if (sotu === null) {
    throw new Error(`${SOTU_PACKAGE} is not installed; run npm install`);
  }
  const names = findPackage(NAMES_PACKAGE);
  const key = buildKey({
    scriptVersion: SCRIPT_VERSION,
    sourceHash: sourceHash(),
    sotuPackage: sotu.spec,
    namesPackage: names?.spec ?? null,
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

  const corpora = [buildSotu(sotu), buildAddition()];
  if (names !== null) {
    corpora.push(buildNames(names));
  } else {
    console.log(`corpora: names skipped (${NAMES_PACKAGE} not installed)`);
  }

  // Remove files a previous build listed that this one no longer produces (e.g. names.txt
  // after the optional package was uninstalled), so the folder matches the manifest.
  const current = new Set(corpora.map((corpus) => corpus.file));
  for (const { file } of previous) {
    if (!current.has(file)) rmSync(join(OUT_DIR, file), { force: true });
  }

  writeFileSync(MANIFEST, `${JSON.stringify(makeManifest(corpora), null, 2)}\n`, 'utf8');
  writeFileSync(KEY_FILE, `${key}\n`, 'utf8');
}

try {
  main();
} catch (error) {
  console.error(`corpora: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
