// Shared steps of the browser tests: a page that records console errors and every request that
// would leave its origin, and helpers to set up a tiny, fast model.
import { expect, test as base, type Page } from '@playwright/test';

export interface Watched {
  consoleErrors: string[];
  foreignRequests: string[];
}

export const test = base.extend<{ watched: Watched }>({
  watched: async ({ page, baseURL }, use) => {
    const watched: Watched = { consoleErrors: [], foreignRequests: [] };
    const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
    page.on('console', (m) => {
      if (m.type() === 'error') watched.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => watched.consoleErrors.push(e.message));
    // Every request of the page and its worker: anything for another origin is recorded and
    // refused, so a test fails even if the text would only have been sent in the background.
    await page.context().route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) {
        return route.continue();
      }
      watched.foreignRequests.push(url);
      return route.abort();
    });
    await use(watched);
  },
});
export { expect };

export interface TinyModel {
  corpus?: string;
  backend?: string;
  epochs?: string;
}

/** Opens the page and sets a model small enough to train dozens of steps a second on cpu. */
export async function setUpTinyRun(page: Page, options: TinyModel = {}): Promise<void> {
  await page.goto('/');
  const corpus = page.getByLabel('Corpus', { exact: true });
  await expect(corpus).toBeEnabled();
  await corpus.selectOption(options.corpus ?? 'addition');
  await page.getByLabel('Backend', { exact: true }).selectOption(options.backend ?? 'cpu');
  const fields: [string, string][] = [
    ['Layers', '1'],
    ['Hidden size', '16'],
    ['Sequence length', '16'],
    ['Batch size', '8'],
    ['Learning rate', '0.02'],
    ['Epochs', options.epochs ?? '1'],
    ['Seed', '7'],
  ];
  for (const [label, value] of fields) await page.getByLabel(label, { exact: true }).fill(value);
}

export function lossChart(page: Page) {
  return page.getByRole('figure', { name: 'Loss chart' });
}

/** Number of training-loss points the chart holds (the store's count, not the decimated plot). */
export async function trainPoints(page: Page): Promise<number> {
  return Number(await lossChart(page).getAttribute('data-train-points'));
}

export async function shownLoss(page: Page, which: 'train-loss' | 'val-loss'): Promise<number> {
  return Number((await page.getByTestId(which).textContent())?.trim());
}
