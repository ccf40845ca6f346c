// Issue 3: the user's own text (dropped, opened, pasted; UTF-16, CRLF and HTML read right) and
// every built-in corpus train.
import { readFileSync } from 'node:fs';
import type { CorpusManifest } from '../src/corpus/manifest.ts';
import { expect, setUpTinyRun, test, trainPoints, type Watched } from './fixtures.ts';
import {
  corpusDetails,
  corpusSelect,
  dropFiles,
  rhyme,
  utf16le,
  type PageGlobals,
} from './drop.ts';
import type { Page } from '@playwright/test';

async function trainAFewSteps(page: Page, watched: Watched, points = 3) {
  await page.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => trainPoints(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(points);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(/stopped/i, { timeout: 60_000 });
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);
}

async function openPage(page: Page) {
  await page.goto('/');
  await expect(corpusSelect(page)).toBeEnabled();
}

test('a dropped file shows its figures in the corpus details and trains', async ({
  page,
  watched,
}) => {
  // Epochs 0 trains until stopped: one epoch of this little text is only six steps.
  await setUpTinyRun(page, { corpus: 'names', epochs: '0' });
  await dropFiles(page, [{ name: 'notes.txt', text: rhyme() }]);

  const select = corpusSelect(page);
  await expect(select.locator('option:checked')).toHaveText('Your text: notes.txt');
  await expect(page.getByText('Added “Your text: notes.txt”')).toBeVisible();
  const details = corpusDetails(page);
  await expect(details.getByRole('heading', { level: 2 })).toHaveText('Your text: notes.txt');
  await expect(details).toContainText('Characters960');
  // t h e c a s o n m . d g r l, space and line break.
  await expect(details).toContainText('Vocabulary16 distinct');
  await expect(details).toContainText(/One epoch of the current model≈ .* per epoch/);
  const chars = details.getByRole('list').first();
  await expect(chars.getByRole('listitem').first()).toContainText('space');
  await expect(chars).toContainText('␣');
  await expect(chars).toContainText('↵');
  await expect(details.getByTestId('corpus-preview')).toContainText('the cat sat on the mat.');

  await trainAFewSteps(page, watched);
});

test('several files dropped at once are joined in name order and listed', async ({
  page,
  watched,
}) => {
  await openPage(page);
  await dropFiles(page, [
    { name: 'chapter10.txt', text: `Chapter ten.\n${rhyme(4)}` },
    { name: 'chapter2.txt', text: `Chapter two.\n${rhyme(4)}` },
    { name: 'chapter1.txt', text: `Chapter one.\n${rhyme(4)}` },
  ]);
  await expect(corpusSelect(page).locator('option:checked')).toHaveText('Your text: 3 files');
  const details = corpusDetails(page);
  await expect(details).toContainText('Files3 joined');
  await expect(
    details.getByRole('list', { name: 'Files joined' }).getByRole('listitem'),
  ).toHaveText(['chapter1.txt', 'chapter2.txt', 'chapter10.txt']);
  await expect(page.locator('.corpus-description')).toContainText(
    'joined from 3 files: chapter1.txt, chapter2.txt, chapter10.txt',
  );
  await expect(details.getByTestId('corpus-preview')).toContainText(/^Chapter one\./);
  expect(watched.consoleErrors).toEqual([]);
});

test('the file picker and the paste box add texts too', async ({ page, watched }) => {
  await openPage(page);
  await page.getByLabel('Open text files').setInputFiles({
    name: 'picked.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(rhyme()),
  });
  await expect(corpusSelect(page).locator('option:checked')).toHaveText('Your text: picked.txt');

  await page.getByLabel('Paste text').fill(`Pasted words, pasted lines.\n${rhyme()}`);
  await page.getByRole('button', { name: 'Use pasted text' }).click();
  await expect(corpusSelect(page).locator('option:checked')).toHaveText('Your text: pasted');
  await expect(corpusDetails(page).getByTestId('corpus-preview')).toContainText('Pasted words');
  // Both stay in the list, after the library.
  await expect(corpusSelect(page).locator('optgroup[label="Your text"] option')).toHaveText([
    'Your text: picked.txt',
    'Your text: pasted',
  ]);
  expect(watched.consoleErrors).toEqual([]);
});

test('a file added during a run is listed but leaves the run and its corpus alone', async ({
  page,
  watched,
}) => {
  await setUpTinyRun(page, { epochs: '0' });
  await page.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => trainPoints(page)).toBeGreaterThanOrEqual(3);
  const select = corpusSelect(page);
  await expect(select).toBeDisabled();
  await expect(
    page.getByText(/Training on “.*”: stop the run to pick another corpus/),
  ).toBeVisible();

  await dropFiles(page, [{ name: 'later.txt', text: rhyme() }]);
  await expect(page.getByText(/“Your text: later.txt” is ready in the Corpus list/)).toBeVisible();
  await expect(select).toHaveValue('addition');
  await expect(select.locator('option', { hasText: 'Your text: later.txt' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(/stopped/i);
  await expect(select).toBeEnabled();
  await select.selectOption({ label: 'Your text: later.txt' });
  await expect(corpusDetails(page).getByRole('heading', { level: 2 })).toHaveText(
    'Your text: later.txt',
  );
  await trainAFewSteps(page, watched);
});

// Odd but good input: read right, and shown as the text it is.

test('UTF-16 with a BOM and CRLF line endings are read right', async ({ page, watched }) => {
  await openPage(page);
  await dropFiles(page, [
    { name: 'notepad.txt', bytes: utf16le(rhyme().replaceAll('\n', '\r\n')) },
  ]);
  await expect(corpusSelect(page).locator('option:checked')).toHaveText('Your text: notepad.txt');
  const details = corpusDetails(page);
  await expect(details).toContainText('notepad.txt was read as UTF-16 (little-endian).');
  await expect(details).toContainText('notepad.txt had Windows (CRLF) line endings');
  await expect(details).toContainText('Characters960'); // no "\r" left, no BOM
  const preview = await details.getByTestId('corpus-preview').textContent();
  expect(preview?.startsWith('the cat sat on the mat.\nthe dog')).toBe(true);
  expect(preview).not.toContain('\r');
  expect(watched.consoleErrors).toEqual([]);
});

test('HTML and script in a file are shown as text and never run', async ({ page, watched }) => {
  await openPage(page);
  const html = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">\n';
  await dropFiles(page, [{ name: '<b>page</b>.html', text: html + rhyme(), type: 'text/html' }]);
  await expect(corpusSelect(page).locator('option:checked')).toHaveText(
    'Your text: <b>page</b>.html',
  );
  await expect(corpusDetails(page).getByTestId('corpus-preview')).toContainText(html.trim());
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  const pwned = await page.evaluate(() => (globalThis as unknown as PageGlobals).__pwned);
  expect(pwned).toBeUndefined();
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);
});

const manifest = JSON.parse(
  readFileSync(new URL('../public/corpora/manifest.json', import.meta.url), 'utf8'),
) as CorpusManifest;

for (const corpus of manifest.corpora) {
  test(`the built-in "${corpus.id}" corpus shows its details and trains a few steps`, async ({
    page,
    watched,
  }) => {
    test.setTimeout(180_000);
    await setUpTinyRun(page, { corpus: corpus.id });
    const details = corpusDetails(page);
    await expect(details.getByRole('heading', { level: 2 })).toHaveText(corpus.title);
    await expect(details).toContainText(`Vocabulary${corpus.vocabSize.toLocaleString('en-US')}`);
    await expect(details.getByText('Most frequent characters')).toBeVisible();
    await trainAFewSteps(page, watched, 2);
  });
}
