// Issue 6: autosave and resume after a reload, export and import of the model and of any saved
// run (and refusals of bad files), and the comparison of two saved runs.
import { readFile, writeFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, setUpTinyRun, test, trainPoints } from './fixtures.ts';

const status = (page: Page) => page.getByRole('status');
const savedRuns = (page: Page) => page.getByRole('region', { name: 'Saved runs' });
const filesPanel = (page: Page) => page.getByRole('region', { name: 'Export and import' });

/** Steps a fresh tiny model `n` times, waiting for each step, then stops it. */
async function stepThenStop(page: Page, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(status(page)).toContainText(`Paused at step ${i}`);
  }
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(status(page)).toContainText(/stopped/i);
}

test('a run paused before a reload resumes at the same step, with its chart', async ({
  page,
  watched,
}) => {
  await setUpTinyRun(page, { epochs: '0' });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => trainPoints(page)).toBeGreaterThanOrEqual(10);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(status(page)).toContainText(/paused at step \d+/i);
  const saved = Number(/paused at step (\d+)/i.exec((await status(page).textContent()) ?? '')?.[1]);
  await expect(savedRuns(page).getByRole('listitem')).toContainText(`step ${saved}`);

  // A bare address: everything must come back from the saved run, not from the link.
  await page.goto('/');
  const offer = page.getByRole('region', { name: 'Resume saved run' });
  await expect(offer).toContainText(`Resume training at step ${saved}?`);
  await expect(page.getByLabel('Hidden size', { exact: true })).toHaveValue('128');
  await offer.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(offer).toBeHidden();
  await expect(status(page)).toContainText(`Paused at step ${saved}`);
  expect(await trainPoints(page)).toBe(saved);
  await expect(page.getByLabel('Hidden size', { exact: true })).toHaveValue('16');
  await expect(page.getByLabel('Corpus', { exact: true })).toHaveValue('addition');
  await expect(page.getByLabel('Backend', { exact: true })).toHaveValue('cpu');

  // The next step is the saved step + 1, drawn after the old points.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status(page)).toContainText(`Paused at step ${saved + 1}`);
  expect(await trainPoints(page)).toBe(saved + 1);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(status(page)).toContainText(/stopped/i);
  // Still one saved run: the resumed run went on saving into the same record.
  await expect(savedRuns(page).getByRole('listitem')).toHaveCount(1);
  await expect(savedRuns(page).getByRole('listitem')).toContainText(`step ${saved + 1}`);
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);
});

test('a lesson that locks the corpus refuses to resume a run trained on another', async ({
  page,
  watched,
}) => {
  await setUpTinyRun(page); // on "addition"
  await stepThenStop(page, 1);
  await page.goto('/?corpus=names&lock=corpus');
  const corpus = page.getByLabel('Corpus', { exact: true });
  await expect(corpus).toHaveValue('names');
  await savedRuns(page).getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(savedRuns(page).getByRole('alert')).toContainText(
    /This lesson fixes the corpus at “.+” and this run was trained on “.+”/,
  );
  // Nothing changed: the lesson's corpus and the form's own settings, and no run started.
  await expect(corpus).toHaveValue('names');
  await expect(page.getByLabel('Hidden size', { exact: true })).not.toHaveValue('16');
  await expect(status(page)).not.toContainText('Paused at step');
  expect(watched.consoleErrors).toEqual([]);
});

test('an exported model imports back, and bad files are refused without changing anything', async ({
  page,
  watched,
}, testInfo) => {
  await setUpTinyRun(page);
  await stepThenStop(page, 3);

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await filesPanel(page).getByRole('button', { name: 'Export model' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const paths: string[] = [];
  for (const download of downloads) {
    const path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    paths.push(path);
  }
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual([
    'model.json',
    'model.weights.bin',
  ]);
  const modelJson = JSON.parse(
    await readFile(
      paths.find((p) => p.endsWith('.json'))!,
      'utf8',
    ),
  );
  expect(modelJson.weightsManifest[0].paths).toEqual(['./model.weights.bin']);

  const importInput = filesPanel(page).getByLabel('Import model');
  const alert = filesPanel(page).getByRole('alert');
  const before = await status(page).textContent();

  // Bad JSON.
  const bad = testInfo.outputPath('bad.json');
  await writeFile(bad, '{"modelTopology": ');
  await importInput.setInputFiles([bad, paths.find((p) => p.endsWith('.bin'))!]);
  await expect(alert).toContainText('not valid JSON');
  await expect(status(page)).toHaveText(before ?? '');
  // A corpus with other characters: the model does not fit it.
  await page.getByLabel('Corpus', { exact: true }).selectOption('names');
  await importInput.setInputFiles(paths);
  await expect(alert).toContainText('pick the corpus it was trained on');
  await expect(status(page)).toHaveText(before ?? '');
  // A bad run file.
  await filesPanel(page).getByLabel('Import run file').setInputFiles(bad);
  await expect(alert).toContainText('not valid JSON');
  await expect(savedRuns(page).getByRole('listitem')).toHaveCount(1);

  // The model's own corpus: it comes back paused at its step and trains on from there.
  await page.getByLabel('Corpus', { exact: true }).selectOption('addition');
  await page.getByLabel('Hidden size', { exact: true }).fill('64');
  await importInput.setInputFiles(paths);
  await expect(status(page)).toContainText('Paused at step 3');
  await expect(alert).toBeHidden();
  await expect(page.getByLabel('Hidden size', { exact: true })).toHaveValue('16');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status(page)).toContainText('Paused at step 4');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  expect(watched.consoleErrors).toEqual([]);
});

test('any saved run exports as a run file that imports back with its history', async ({
  page,
  watched,
}, testInfo) => {
  await setUpTinyRun(page);
  await stepThenStop(page, 2);
  await page.getByLabel('Hidden size', { exact: true }).fill('24');
  await stepThenStop(page, 3);
  const rows = savedRuns(page).getByRole('listitem');
  await expect(rows).toHaveCount(2);

  // The older run, not the one the Training panel shows.
  const older = rows.filter({ hasText: '· step 2 ·' });
  const downloading = page.waitForEvent('download');
  await older.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Addition-LSTM-1x16-.*\.run\.json$/);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const file = JSON.parse(await readFile(path, 'utf8'));
  expect([file.hyper.hiddenSize, file.step]).toEqual([16, 2]);

  await filesPanel(page).getByLabel('Import run file').setInputFiles(path);
  await expect(filesPanel(page)).toContainText('Imported');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'imported run file' })).toContainText('· step 2 ·');
  expect(watched.consoleErrors).toEqual([]);
});

test('compare shows two saved runs with their settings and the difference marked', async ({
  page,
  watched,
}) => {
  await setUpTinyRun(page);
  await stepThenStop(page, 2);
  await page.getByLabel('Hidden size', { exact: true }).fill('24');
  await stepThenStop(page, 2);
  await expect(savedRuns(page).getByRole('listitem')).toHaveCount(2);

  // Rename one, so the legend can be told apart by name.
  const first = savedRuns(page).getByRole('listitem').first();
  await first.getByRole('button', { name: 'Rename' }).click();
  await first.getByLabel('Run name').fill('Wider run');
  await first.getByRole('button', { name: 'Save name' }).click();
  await expect(first).toContainText('Wider run');

  const compare = page.getByRole('region', { name: 'Compare runs' });
  const boxes = compare.getByRole('checkbox');
  await expect(boxes).toHaveCount(2);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await expect(compare.locator('.recharts-legend-item')).toHaveCount(2);
  // Recharts sorts legend entries by name; each run has one (validation lines share its colour).
  await expect(compare.locator('.recharts-legend-item')).toContainText([
    /^Addition · LSTM 1×16/,
    'Wider run',
  ]);
  const differing = compare.locator('tr[data-differs="true"]');
  await expect(differing).toHaveCount(1);
  await expect(differing).toContainText('Hidden size');
  await expect(differing.locator('mark')).toHaveText(['24', '16']);

  // Delete asks first, then the run leaves the list and the comparison.
  await first.getByRole('button', { name: 'Delete' }).click();
  await first.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(savedRuns(page).getByRole('listitem')).toHaveCount(1);
  await expect(compare.locator('.recharts-legend-item')).toHaveCount(0);
  expect(watched.consoleErrors).toEqual([]);
});

test('a full disk gives a clear message and keeps what was saved before', async ({
  page,
  watched,
}) => {
  await setUpTinyRun(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status(page)).toContainText('Paused at step 1');
  await expect(savedRuns(page).getByRole('listitem')).toContainText('step 1');

  // From now on every write fails the way a full disk does.
  await page.evaluate(`IDBObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }`);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status(page)).toContainText('Paused at step 2');
  await expect(savedRuns(page).getByRole('alert')).toContainText('storage for this page is full');
  await expect(savedRuns(page).getByRole('listitem')).toContainText('step 1');

  // The save of step 1 is intact: a new page offers it.
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Resume saved run' })).toContainText(
    'Resume training at step 1?',
  );
  expect(watched.consoleErrors).toEqual([]);
});

test('a run on the user’s own text resumes on that text after a reload', async ({
  page,
  watched,
}) => {
  await setUpTinyRun(page, { epochs: '0' });
  const text = 'the cat sat on the mat.\nthe dog lay on the log.\n'.repeat(30);
  await page.getByLabel('Open text files').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
  const corpus = page.getByLabel('Corpus', { exact: true });
  await expect(corpus.locator('option:checked')).toHaveText('Your text: notes.txt');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status(page)).toContainText('Paused at step 1');
  await expect(savedRuns(page).getByRole('listitem')).toContainText('(your text)');

  await page.goto('/');
  const offer = page.getByRole('region', { name: 'Resume saved run' });
  await offer.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(status(page)).toContainText('Paused at step 1');
  await expect(corpus.locator('option:checked')).toHaveText(/^Your text/);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(status(page)).toContainText('Paused at step 2');
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);
});
