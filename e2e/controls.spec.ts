// Issue 4's controls: Step, a live learning-rate change, recovery from a diverging loss, presets.
import { PRESETS } from '../src/model/presets.ts';
import { expect, setUpTinyRun, shownLoss, test, trainPoints } from './fixtures.ts';

test('Step from a fresh model and while paused advances exactly one step each time', async ({
  page,
  watched,
}) => {
  await setUpTinyRun(page);
  const status = page.getByRole('status');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(status).toContainText('Paused at step 1');
  expect(await trainPoints(page)).toBe(1);
  for (const n of [2, 3]) {
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(status).toContainText(`Paused at step ${n}`);
    expect(await trainPoints(page)).toBe(n);
  }
  await page.waitForTimeout(500);
  expect(await trainPoints(page)).toBe(3); // nothing more without another Step
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(status).toContainText('Stopped at step 3');
  expect(watched.consoleErrors).toEqual([]);
});

test('a learning rate changed while training takes effect', async ({ page, watched }) => {
  await setUpTinyRun(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => trainPoints(page)).toBeGreaterThanOrEqual(5);
  const field = page.getByLabel('Learning rate', { exact: true });
  await expect(field).toBeEnabled();
  await field.fill('0.0042');
  await field.press('Enter');
  // The worker reports the rate it used for its latest steps.
  await expect(page.getByTestId('learning-rate')).toContainText('0.0042');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(/stopped/i);
  expect(watched.consoleErrors).toEqual([]);
});

test('an absurd learning rate brings the recovery: weights back, rate halved, paused', async ({
  page,
  watched,
}) => {
  await setUpTinyRun(page);
  await page.getByLabel('Learning rate', { exact: true }).fill('10');
  await page.getByRole('button', { name: 'Train' }).click();
  const notice = page.getByRole('alert').filter({ hasText: /loss (became|diverged)/i });
  await expect(notice).toContainText(/learning rate is halved to 5/);
  const status = page.getByRole('status');
  await expect(status).toContainText(/paused at step \d+/i);
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('5');
  // The diverged steps were taken back: the chart holds exactly the steps up to the restored one.
  const restored = Number(/paused at step (\d+)/i.exec((await status.textContent()) ?? '')?.[1]);
  expect(await trainPoints(page)).toBe(restored);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  expect(watched.consoleErrors).toEqual([]);
});

for (const preset of PRESETS) {
  test(`the "${preset.name}" preset trains a few steps`, async ({ page, watched }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await expect(page.getByLabel('Corpus', { exact: true })).toBeEnabled();
    await page.getByLabel('Preset', { exact: true }).selectOption(preset.id);
    await expect(page.getByLabel('Cell', { exact: true })).toHaveValue(preset.hyper.cell);
    await expect(page.getByLabel('Hidden size', { exact: true })).toHaveValue(
      String(preset.hyper.hiddenSize),
    );
    await page.getByRole('button', { name: 'Train' }).click();
    await expect.poll(() => trainPoints(page), { timeout: 150_000 }).toBeGreaterThanOrEqual(2);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(page.getByRole('status')).toContainText(/stopped/i, { timeout: 60_000 });
    expect(await shownLoss(page, 'train-loss')).toBeGreaterThan(0);
    expect(watched.consoleErrors).toEqual([]);
  });
}
