// Issue 6: the address bar as a share link (a round trip restores the form exactly, invalid values
// fall back with a note) and lesson links that lock and hide controls.
import { expect, test } from './fixtures.ts';

const FIELDS: [string, string][] = [
  ['Layers', '2'],
  ['Hidden size', '48'],
  ['Learning rate', '0.003'],
  ['Sequence length', '20'],
  ['Seed', '123'],
  ['Sample temperature', '0.6'],
];

test('a share link opens the same form in a new page', async ({ page, context, watched }) => {
  await page.goto('/');
  await expect(page.getByLabel('Corpus', { exact: true })).toBeEnabled();
  await page.getByLabel('Corpus', { exact: true }).selectOption('names');
  await page.getByLabel('Cell', { exact: true }).selectOption('gru');
  await page.getByLabel('Backend', { exact: true }).selectOption('cpu');
  await page.getByLabel('Carry hidden state across batches').check();
  for (const [label, value] of FIELDS) await page.getByLabel(label, { exact: true }).fill(value);

  const linkField = page.getByLabel('Link to these settings');
  await expect(linkField).toHaveValue(/seed=123/);
  const link = await linkField.inputValue();
  expect(page.url()).toBe(link);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(link);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByLabel('Corpus', { exact: true })).toHaveValue('names');
  await expect(other.getByLabel('Cell', { exact: true })).toHaveValue('gru');
  await expect(other.getByLabel('Backend', { exact: true })).toHaveValue('cpu');
  await expect(other.getByLabel('Carry hidden state across batches')).toBeChecked();
  for (const [label, value] of FIELDS) {
    await expect(other.getByLabel(label, { exact: true })).toHaveValue(value);
  }
  await expect(other.getByLabel('Link to these settings')).toHaveValue(link);
  expect(watched.consoleErrors).toEqual([]);
});

test('invalid values in a link fall back with a note', async ({ page, watched }) => {
  await page.goto('/?layers=99&cell=transformer&seed=5');
  const share = page.getByRole('region', { name: 'Share' });
  await expect(share).toContainText('layers="99"');
  await expect(share).toContainText('cell="transformer"');
  await expect(page.getByLabel('Layers', { exact: true })).toHaveValue('1');
  await expect(page.getByLabel('Cell', { exact: true })).toHaveValue('lstm');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('5');
  expect(watched.consoleErrors).toEqual([]);
});

test('a lesson link names its preset, locks some controls and hides others', async ({
  page,
  watched,
}) => {
  await page.goto('/?preset=addition&lock=cell,layers,hiddenSize,corpus&hide=optimizer,schedule');
  await expect(page.getByRole('region', { name: 'Lesson' })).toContainText(
    'Lesson: Addition (simple RNN)',
  );
  await expect(page.getByLabel('Corpus', { exact: true })).toHaveValue('addition');
  for (const label of ['Cell', 'Layers', 'Hidden size', 'Corpus', 'Preset']) {
    const control = page.getByLabel(label, { exact: true });
    await expect(control).toBeDisabled();
    await expect(control).toHaveAccessibleDescription(/Locked by this lesson/);
  }
  await expect(page.getByLabel('Cell', { exact: true })).toHaveValue('rnn');
  await expect(page.getByLabel('Optimizer', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Learning-rate schedule', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Seed', { exact: true })).toBeEnabled();
  // The lesson stays in the address as the rest of the form changes.
  await page.getByLabel('Seed', { exact: true }).fill('9');
  await expect.poll(() => page.url()).toContain('seed=9');
  expect(page.url()).toContain('preset=addition');
  expect(page.url()).toContain('lock=cell');
  expect(watched.consoleErrors).toEqual([]);
});
