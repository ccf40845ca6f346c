// Issue 3: every kind of bad input gets a clear message naming the file, and nothing is lost: the
// selected corpus stays selected, and a paused run keeps its chart and samples.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { minimumCorpusChars } from '../src/model/config.ts';
import { LINK_MESSAGE } from '../src/app/dropInput.ts';
import { expect, setUpTinyRun, test, trainPoints } from './fixtures.ts';
import {
  ascii,
  corpusDetails,
  corpusSelect,
  dispatchDrop,
  diskFilesTransfer,
  dropFiles,
  type FileSpec,
  type PageGlobals,
} from './drop.ts';

/**
 * A fresh folder for files the page picks from disk. Not testInfo.outputPath: Playwright empties
 * its output folder when a run starts, which would delete the files under another run.
 */
function scratchPath(name: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rnn-playground-e2e-')), name);
  // Removed after the test, passed or failed: the 51 MB file must not pile up in /tmp.
  scratch.push(dirname(path));
  return path;
}

const scratch: string[] = [];
test.afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The page at its defaults (sequence length 50), with a corpus other than the default chosen. */
async function openWithNames(page: Page) {
  await page.goto('/');
  await expect(corpusSelect(page)).toBeEnabled();
  await corpusSelect(page).selectOption('names');
  await expect(corpusDetails(page).getByRole('heading', { level: 2 })).toHaveText('First names');
}

/** The alert says what is wrong, and the corpus and its details are as they were. */
async function expectRefused(page: Page, message: RegExp | string) {
  const alert = page.getByRole('alert').filter({ hasText: message });
  await expect(alert).toBeVisible();
  await expect(corpusSelect(page)).toHaveValue('names');
  await expect(corpusSelect(page).locator('optgroup[label="Your text"]')).toHaveCount(0);
  await expect(corpusDetails(page).getByRole('heading', { level: 2 })).toHaveText('First names');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
}

const needed = minimumCorpusChars(50, 0.1).toLocaleString('en-US');

const CASES: { what: string; file: FileSpec; message: RegExp }[] = [
  {
    what: 'an empty file',
    file: { name: 'empty.txt', text: '' },
    message: /empty\.txt: This file is empty/,
  },
  {
    what: 'a whitespace-only file',
    file: { name: 'blank.txt', text: ' \n\t\n   \n' },
    message: /blank\.txt: This text contains only spaces and line breaks/,
  },
  {
    what: 'a text too short for one batch',
    file: { name: 'short.txt', text: 'Far too short to train on.' },
    message: new RegExp(`short\\.txt: This text has 26 characters, .* needs at least ${needed}`),
  },
  {
    what: 'a binary file (NUL bytes)',
    file: { name: 'program.bin', bytes: [0, 65, 66, 0, 67, 68, 1, 2], type: '' },
    message: /program\.bin: This file contains NUL bytes, so it is a binary file/,
  },
  {
    what: 'a PDF',
    file: { name: 'thesis.pdf', bytes: ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj'), type: 'application/pdf' },
    message: /thesis\.pdf: This file is a PDF document, not plain text/,
  },
  {
    what: 'a PNG',
    file: {
      name: 'cat.png',
      bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a, 0, 0, 0, 13],
      type: 'image/png',
    },
    message: /cat\.png: This file is a PNG image, not plain text/,
  },
  {
    what: 'a ZIP (or .docx)',
    file: { name: 'essay.docx', bytes: [...ascii('PK'), 3, 4, 20, 0, 6, 0], type: '' },
    message: /essay\.docx: This file is a ZIP archive \(or a Word, Excel/,
  },
  {
    what: 'invalid UTF-8 (a Latin-1 file)',
    file: { name: 'latin1.txt', bytes: [...ascii('caf'), 0xe9, ...ascii(' au lait\n')] },
    message: /latin1\.txt: This file is not valid UTF-8 text: byte 3 \(line 1\).*Windows-1252/,
  },
];

for (const { what, file, message } of CASES) {
  test(`${what} gets its message and the corpus stays selected`, async ({ page, watched }) => {
    await openWithNames(page);
    await dropFiles(page, [file]);
    await expectRefused(page, message);
    expect(watched.consoleErrors).toEqual([]);
  });
}

test('a dropped link (or an image from another tab) is not a file', async ({ page, watched }) => {
  await openWithNames(page);
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new (globalThis as unknown as PageGlobals).DataTransfer();
    dt.setData('text/uri-list', 'https://example.com/cat.png');
    return dt;
  });
  await dispatchDrop(page, dataTransfer);
  await expectRefused(page, LINK_MESSAGE);
  expect(watched.foreignRequests).toEqual([]);
});

// A script cannot build a directory entry, so this drops what Chromium hands over for a folder
// when no entry says so: an untyped, empty File that fails to read (a file picked, then deleted).
// The webkitGetAsEntry().isDirectory path is unit-tested in src/app/dropInput.test.ts.
test('a dropped folder is named and refused', async ({ page, watched }) => {
  await openWithNames(page);
  const path = scratchPath('chapters');
  writeFileSync(path, '');
  const dataTransfer = await diskFilesTransfer(page, [path]);
  rmSync(path);
  await dispatchDrop(page, dataTransfer);
  await expectRefused(page, "chapters: Folders can't be used: drop the text files inside it");
  expect(watched.consoleErrors).toEqual([]);
});

test('a bad file during a paused run leaves the run, its chart and its samples alone', async ({
  page,
  watched,
}) => {
  await setUpTinyRun(page, { epochs: '0' });
  await page.getByRole('button', { name: 'Train' }).click();
  const samples = page.getByRole('region', { name: 'Samples' }).getByRole('listitem');
  await expect(samples.first()).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status')).toContainText(/paused at step \d+/i);
  const points = await trainPoints(page);
  const sampleTexts = await samples.allTextContents();
  const status = await page.getByRole('status').textContent();

  await dropFiles(page, [{ name: 'photo.png', bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a, 0] }]);
  await expect(
    page.getByRole('alert').filter({ hasText: 'photo.png: This file is a PNG image' }),
  ).toBeVisible();
  await page.getByLabel('Paste text').fill('   \n  ');
  await page.getByRole('button', { name: 'Use pasted text' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Pasted text: This text contains only' }),
  ).toBeVisible();

  await expect(corpusSelect(page)).toHaveValue('addition');
  await expect(corpusSelect(page)).toBeDisabled();
  expect(await trainPoints(page)).toBe(points);
  expect(await samples.allTextContents()).toEqual(sampleTexts);
  await expect(page.getByRole('status')).toHaveText(status ?? '');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  expect(watched.consoleErrors).toEqual([]);
});

test('a file over 50 MB is refused, or cut to its first 50 MB without freezing the page', async ({
  page,
  watched,
}) => {
  test.setTimeout(180_000);
  await openWithNames(page);
  const path = scratchPath('big.txt');
  const line = 'All work and no play makes Jack a dull boy.\n';
  writeFileSync(path, line.repeat(Math.ceil(51_000_000 / line.length)));

  await dispatchDrop(page, await diskFilesTransfer(page, [path]));
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'big.txt: This text is 51.00 MB, more than the 50.00 MB' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Cancel' }).click();
  await expect(alert).toBeHidden();
  await expect(corpusSelect(page)).toHaveValue('names');

  await dispatchDrop(page, await diskFilesTransfer(page, [path]));
  await page.evaluate(() => {
    // Long tasks of the page's main thread from here on (the worker's do not count).
    const g = globalThis as unknown as PageGlobals;
    const longTasks: number[] = [];
    g.longTasks = longTasks;
    new g.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask' });
  });
  await page.getByRole('button', { name: 'Use the first 50.00 MB' }).click();
  await expect(page.getByRole('progressbar', { name: 'Reading file' })).toBeVisible();
  await expect(corpusSelect(page).locator('option:checked')).toHaveText('Your text: big.txt', {
    timeout: 90_000,
  });
  const details = corpusDetails(page);
  await expect(details).toContainText('Only the first 50.00 MB of big.txt is used.');
  await expect(details).toContainText('Size47.7 MB');
  const longTasks = await page.evaluate(() => (globalThis as unknown as PageGlobals).longTasks);
  // Reported, not asserted: on a loaded 2-core machine any task can be stretched past 50 ms.
  const description = `main-thread long tasks while reading 50 MB (ms): ${JSON.stringify(longTasks)}`;
  test.info().annotations.push({ type: 'long tasks', description });
  expect(watched.consoleErrors).toEqual([]);
});

test('too many distinct characters: the offer keeps the most frequent, and the text trains', async ({
  page,
  watched,
}) => {
  await setUpTinyRun(page, { corpus: 'names', epochs: '0' });
  // 400 distinct CJK characters, the first 250 far more often than the rest.
  const common = Array.from({ length: 250 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
  const rare = Array.from({ length: 150 }, (_, i) => String.fromCodePoint(0x5000 + i)).join('');
  await dropFiles(page, [{ name: 'hanzi.txt', text: `${common.repeat(4)}\n${rare}\n` }]);
  const alert = page
    .getByRole('alert')
    .filter({ hasText: 'hanzi.txt: This text uses 401 different characters' });
  await expect(alert).toBeVisible();
  await expect(corpusSelect(page)).toHaveValue('names');
  await alert.getByRole('button', { name: 'Keep the 299 most frequent characters' }).click();
  await expect(corpusSelect(page).locator('option:checked')).toHaveText('Your text: hanzi.txt');
  await expect(corpusDetails(page)).toContainText('Vocabulary300 distinct');
  await expect(corpusDetails(page)).toContainText('Kept the 299 most frequent characters');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => trainPoints(page)).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  expect(watched.consoleErrors).toEqual([]);
});
