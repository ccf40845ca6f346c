import { expect, lossChart, setUpTinyRun, shownLoss, test, trainPoints } from './fixtures.ts';

test('the page loads with no console errors and the default corpus selected', async ({
  page,
  watched,
}) => {
  await page.goto('/');
  await expect(page.getByLabel('Corpus', { exact: true })).toHaveValue('sotu');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Stop', exact: true })).toBeDisabled();
  expect(watched.consoleErrors).toEqual([]);
});

test('a tiny model trains on cpu: the chart gains points, the loss falls, a sample appears, Stop stops', async ({
  page,
  watched,
}) => {
  await setUpTinyRun(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('region', { name: 'Backend in use' })).toHaveAttribute(
    'data-backend',
    'cpu',
  );
  await expect.poll(() => trainPoints(page)).toBeGreaterThanOrEqual(5);
  const early = await shownLoss(page, 'train-loss');
  await expect.poll(() => trainPoints(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(80);
  const samples = page.getByRole('region', { name: 'Samples' }).getByRole('listitem');
  await expect(samples.first()).toContainText('step');
  await expect.poll(() => shownLoss(page, 'val-loss')).toBeGreaterThan(0);
  // Uniform guessing over the 13 symbols of the addition corpus costs ln 13 = 2.56 nats.
  const later = await shownLoss(page, 'train-loss');
  expect(later).toBeLessThan(early);
  expect(later).toBeLessThan(2.4);

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(/stopped/i);
  const atStop = await trainPoints(page);
  await page.waitForTimeout(1000);
  expect(await trainPoints(page)).toBe(atStop);
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await expect(lossChart(page)).toBeVisible();
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);
});

test('Pause then Resume continues from the same step', async ({ page, watched }) => {
  await setUpTinyRun(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => trainPoints(page)).toBeGreaterThanOrEqual(10);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status')).toContainText(/paused at step \d+/i);
  const pausedText = (await page.getByRole('status').textContent()) ?? '';
  const pausedStep = Number(/paused at step (\d+)/i.exec(pausedText)?.[1]);
  // Every step up to the pause has its point, and nothing trains while paused.
  expect(await trainPoints(page)).toBe(pausedStep);
  await page.waitForTimeout(1000);
  expect(await trainPoints(page)).toBe(pausedStep);

  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect.poll(() => trainPoints(page)).toBeGreaterThan(pausedStep + 5);
  // Still one point per step: the run went on from pausedStep rather than starting again.
  const status = (await page.getByRole('status').textContent()) ?? '';
  const step = Number(/step ([\d,]+)/i.exec(status)?.[1]?.replaceAll(',', ''));
  expect(step).toBeGreaterThan(pausedStep);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(/stopped/i);
  expect(await trainPoints(page)).toBe(
    Number(
      /stopped at step (\d+)/i.exec((await page.getByRole('status').textContent()) ?? '')?.[1],
    ),
  );
  expect(watched.consoleErrors).toEqual([]);
});
