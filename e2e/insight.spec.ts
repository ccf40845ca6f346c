// Issue 5 in the browser: generation, next-character bars, the inside view, the loss chart's
// samples and baselines, and the addition accuracy chart, each on a freshly trained tiny model.
import type { Locator, Page } from '@playwright/test';
import {
  expect,
  lossChart,
  setUpTinyRun,
  test,
  trainPoints,
  type TinyModel,
  type Watched,
} from './fixtures.ts';

function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

/** Trains a tiny cpu model until the chart has 30 points and `samples` samples exist. */
async function trainTiny(page: Page, options: TinyModel = {}, samples = 1): Promise<void> {
  await setUpTinyRun(page, options);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => trainPoints(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(30);
  const items = region(page, 'Samples').getByRole('listitem');
  await expect.poll(() => items.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(samples);
}

async function stopRun(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(/stopped/i);
}

function clean(watched: Watched) {
  expect(watched.consoleErrors).toEqual([]);
  expect(watched.foreignRequests).toEqual([]);
}

/** The page's globals these tests touch; the browser tests compile without the DOM library. */
interface PageGlobals {
  seenCounts: string[];
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { attributes: boolean; attributeFilter: string[] }): void;
  };
}

/**
 * Records the generated text's character count each time it or the busy flag changes, as
 * "count/busy": a count above 0 while still busy shows characters arriving before the end.
 */
async function watchCharCount(log: Locator): Promise<void> {
  await log.evaluate((el) => {
    const page = globalThis as unknown as PageGlobals;
    const seen: string[] = [];
    page.seenCounts = seen;
    const record = () =>
      seen.push(`${el.getAttribute('data-chars')}/${el.getAttribute('aria-busy')}`);
    new page.MutationObserver(record).observe(el, {
      attributes: true,
      attributeFilter: ['data-chars', 'aria-busy'],
    });
  });
}

test('Generate streams text, stops on request, and explains what it cannot do', async ({
  page,
  watched,
}) => {
  await page.goto('/');
  const panel = region(page, 'Generate');
  const log = panel.getByRole('log', { name: 'Generated text' });
  const generateButton = panel.getByRole('button', { name: 'Generate', exact: true });
  const stop = panel.getByRole('button', { name: 'Stop generating' });
  const length = panel.getByLabel('Length', { exact: true });
  const source = panel.getByLabel('Source', { exact: true });
  const chars = async () => Number(await log.getAttribute('data-chars'));
  await generateButton.click();
  await expect(panel).toContainText('Train or Step first');

  // While training runs, from an n-gram model (its generation yields to the worker's event
  // loop, so the Stop reaches it mid-way): characters stream in, then it stops part-way.
  await trainTiny(page);
  await source.selectOption({ label: 'n-gram, order 2' });
  await length.fill('10000');
  await watchCharCount(log);
  await generateButton.click();
  await expect.poll(chars).toBeGreaterThan(0);
  await stop.click();
  await expect(panel).toContainText(/Stopped after \d+ characters/);
  const stoppedAt = Number(/Stopped after (\d+)/.exec((await panel.textContent()) ?? '')?.[1]);
  expect(stoppedAt).toBeLessThan(10_000);
  expect(await chars()).toBe(stoppedAt);
  await expect(stop).toBeDisabled();
  const seen = await page.evaluate(() => (globalThis as unknown as PageGlobals).seenCounts);
  expect(
    seen.some((s) => /^[1-9]\d*\/true$/.test(s)),
    seen.join(' '),
  ).toBe(true);

  // After Stop (of training) the weights stay: the network generates the length asked for.
  await stopRun(page);
  await source.selectOption({ label: 'Network' });
  await length.fill('3000');
  await generateButton.click();
  await expect(panel).toContainText('Generated 3000 characters.');
  expect(await chars()).toBe(3000);

  // The prime comes first, then exactly the requested number of characters.
  await length.fill('150');
  await panel.getByLabel('Prime', { exact: true }).fill('12+34=');
  await generateButton.click();
  await expect(panel).toContainText('Generated 150 characters.');
  const text = (await log.textContent()) ?? '';
  expect(text.startsWith('12+34=')).toBe(true);
  expect([...text].length).toBe(6 + 150);

  // The n-gram model at temperature 0 (argmax).
  await source.selectOption({ label: 'n-gram, order 3' });
  await panel.getByLabel('Temperature', { exact: true }).fill('0');
  await expect(panel).toContainText('argmax (T=0)');
  await generateButton.click();
  await expect(panel).toContainText('Generated 150 characters.');

  // The addition corpus has no letters: the worker says which characters it never saw.
  await panel.getByLabel('Prime', { exact: true }).fill('hello');
  await generateButton.click();
  await expect(panel).toContainText(/never uses: .*"h"/);

  // The accuracy chart of the addition task, with its latest value.
  const accuracy = page.getByRole('figure', { name: 'Addition accuracy' });
  await expect(accuracy).toBeVisible();
  await expect(accuracy.getByTestId('accuracy')).toHaveText(/^\d{1,3} %$/);
  clean(watched);
});

test('next-character bars follow the caret, with percentages that sum to at most 100', async ({
  page,
  watched,
}) => {
  await trainTiny(page);
  await stopRun(page);
  const panel = region(page, 'Next character');
  const probe = panel.getByLabel('Text to probe', { exact: true });
  // By default it probes the latest sample.
  await expect(probe).not.toHaveValue('');
  await probe.fill('12+34=46\n5');
  const bars = panel
    .getByRole('list', { name: 'Next-character probabilities' })
    .getByRole('listitem');
  await expect(bars.first()).toBeVisible();
  const texts = await bars.allTextContents();
  expect(texts.length).toBeGreaterThan(1);
  expect(texts.length).toBeLessThanOrEqual(10);
  const percents = texts.map((t) => {
    const match = /^(\S+)( \([a-z ]+\))? (<0\.1|[\d.]+)%$/.exec(t);
    expect(match, t).not.toBeNull();
    return match![3] === '<0.1' ? 0 : Number(match![3]);
  });
  const sum = percents.reduce((a, b) => a + b, 0);
  expect(sum).toBeGreaterThan(50);
  expect(sum).toBeLessThanOrEqual(100);
  // Most likely first.
  expect([...percents].sort((a, b) => b - a)).toEqual(percents);
  await expect(panel).toContainText(/After “12\+34=46↵5” \(weights of step \d+\)/);

  // The caret moves: at the start there is nothing before it; two characters in, "12".
  await probe.press('Control+Home');
  await expect(panel).toContainText('Move the cursor after a character');
  await probe.press('ArrowRight');
  await probe.press('ArrowRight');
  await expect(panel).toContainText('After “12”');
  await expect(bars.first()).toBeVisible();

  // Characters outside the vocabulary: the worker's message.
  await probe.fill('12+ab');
  await expect(panel).toContainText('never uses');
  clean(watched);
});

test('inside the network colours the snippet by the chosen unit and gate', async ({
  page,
  watched,
}) => {
  await trainTiny(page, { corpus: 'names' });
  await stopRun(page);
  const panel = region(page, 'Inside the network');
  await panel.getByLabel('Snippet', { exact: true }).fill('Anna\nBob\nCharlotte\n');
  const chars = panel.locator('.activation-text span');
  await expect(chars).toHaveCount(19);
  await expect(panel).toContainText(/weights of step \d+/);
  // The inline style holds each character's colour.
  const colours = () => chars.evaluateAll((els) => els.map((el) => el.getAttribute('style')));

  const unit1 = panel.getByRole('button', { name: 'Unit 1', exact: true });
  const unit2 = panel.getByRole('button', { name: 'Unit 2', exact: true });
  await expect(panel.getByRole('group', { name: 'Units' }).getByRole('button')).toHaveCount(16);
  await expect(unit1).toHaveAttribute('aria-pressed', 'true');
  const before = await colours();
  expect(new Set(before).size).toBeGreaterThan(1);
  await unit2.click();
  await expect(unit2).toHaveAttribute('aria-pressed', 'true');
  await expect(unit1).toHaveAttribute('aria-pressed', 'false');
  expect(await colours()).not.toEqual(before);

  // Arrow keys move through the grid.
  await unit2.press('ArrowRight');
  const unit3 = panel.getByRole('button', { name: 'Unit 3', exact: true });
  await expect(unit3).toHaveAttribute('aria-pressed', 'true');
  await expect(unit3).toBeFocused();

  // A sigmoid gate runs white to red, and the gates are the LSTM's.
  const gate = panel.getByLabel('Gate', { exact: true });
  await expect(gate.locator('option')).toHaveText([
    'input',
    'forget',
    'output',
    'candidate',
    'cell',
    'hidden',
  ]);
  await gate.selectOption('forget');
  await expect(panel).toContainText('White 0.00 to red 1.00');
  // Not the addition corpus: no accuracy chart.
  await expect(page.getByRole('figure', { name: 'Addition accuracy' })).toHaveCount(0);
  clean(watched);
});

test('clicking the loss chart shows the sample of that step; n-gram baselines are drawn', async ({
  page,
  watched,
}) => {
  await trainTiny(page, { corpus: 'names' }, 3);
  await stopRun(page);
  const chart = lossChart(page);
  await expect(chart).toHaveAttribute('data-baselines', '5');
  const labels = chart.locator('text', { hasText: /^order-[1-5] n-gram \d+\.\d\d$/ });
  await expect(labels).toHaveCount(5);

  const sampleSteps = (await region(page, 'Samples').locator('.sample-meta').allTextContents()).map(
    (t) => Number(/step ([\d,]+)/.exec(t)?.[1]?.replaceAll(',', '')),
  );

  // A click straight onto the plot (no hover first, as a tap would), then the tooltip that
  // follows the pointer says which step is under it.
  const plot = chart.locator('.recharts-cartesian-grid');
  const box = (await plot.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height / 2);
  const tooltip = chart.locator('.chart-tooltip');
  await expect(tooltip).toBeVisible();
  const clicked = Number(
    /Step ([\d,]+)/.exec((await tooltip.textContent()) ?? '')?.[1]?.replaceAll(',', ''),
  );
  const expected = Math.max(...sampleSteps.filter((s) => s <= clicked));
  const chosen = region(page, 'Chosen sample');
  await expect(chosen.locator('.sample-meta')).toHaveAttribute('data-step', String(expected));
  await expect(chosen).toContainText(`Sample at step ${expected}`);

  // The keyboard way: the select lists every sample.
  const picker = chart.getByLabel('Show sample at step', { exact: true });
  await picker.selectOption({ index: 1 });
  await expect(chosen.locator('.sample-meta')).toHaveAttribute('data-step', String(sampleSteps[0]));
  clean(watched);
});
