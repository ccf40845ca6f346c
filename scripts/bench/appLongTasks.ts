// The real app's main thread while it trains at full speed: opens index.html from the bench's
// preview server in the bench's browser, presses Train with the default corpus and settings, lets
// it train, and records the long tasks (> 50 ms), long animation frames, painted frames and the
// step updates the page showed, from the click on Train on (the page's load is counted apart).
import type { Browser, Page } from '@playwright/test';
import {
  failedApp,
  longest,
  stepProgress,
  summarise,
  type AppFigures,
  type LongFrame,
  type LongTask,
  type StatusChange,
} from './longTasks.ts';

// Plain JavaScript for the page: tsx's compiled functions would carry its helpers (__name) along.
/** Installed before the page's own scripts: every long task and long animation frame, buffered. */
const PROBE = `(() => {
  const probe = { longTasks: [], frames: [], statuses: [], clickAt: null, rafCount: 0, maxGap: 0,
    stopped: false };
  window.__benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) return;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!(e.blockingDuration > 0) || probe.frames.length >= 1000) continue;
      const end = e.startTime + e.duration;
      probe.frames.push({
        start: e.startTime, duration: e.duration, blockingDuration: e.blockingDuration,
        renderDuration: e.renderStart > 0 ? end - e.renderStart : 0,
        styleAndLayoutDuration: e.styleAndLayoutStart > 0 ? end - e.styleAndLayoutStart : 0,
        scripts: e.scripts.map((s) => ({ invoker: s.invoker, sourceURL: s.sourceURL,
          sourceFunctionName: s.sourceFunctionName, duration: s.duration })),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
})();`;

/** Run just before the click: from now on, every painted frame and the status line it showed. */
const START = `(() => {
  const probe = window.__benchProbe;
  probe.clickAt = performance.now();
  let last = probe.clickAt;
  let shown = null;
  let status = null;
  const frame = (t) => {
    if (probe.stopped) return;
    probe.rafCount += 1;
    probe.maxGap = Math.max(probe.maxGap, t - last);
    last = t;
    if (!status?.isConnected) status = document.querySelector('[role=status]');
    const text = status?.textContent ?? '';
    if (text !== shown) {
      shown = text;
      probe.statuses.push({ t: performance.now() - probe.clickAt, text });
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})()`;

/** The status line has shown step 1 or later ("step 0" comes before the first step). */
const STARTED = `window.__benchProbe.statuses.some((s) => /\\bstep [1-9]/i.test(s.text))`;

const COLLECT = `(() => {
  const probe = window.__benchProbe;
  probe.stopped = true;
  return { ...probe, now: performance.now() };
})()`;

/** What COLLECT returns; times in ms since the page's time origin, statuses' since the click. */
interface ProbeData {
  longTasks: LongTask[];
  frames: LongFrame[];
  statuses: StatusChange[];
  clickAt: number;
  rafCount: number;
  maxGap: number;
  now: number;
}

async function waitUntilEnabled(page: Page, name: string, timeoutMs: number): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  const deadline = Date.now() + timeoutMs;
  while (!(await button.isEnabled())) {
    if (Date.now() > deadline) throw new Error(`${name} was not enabled after ${timeoutMs} ms`);
    await page.waitForTimeout(200);
  }
}

async function measure(page: Page, askedSeconds: number, errors: string[]): Promise<AppFigures> {
  await page.addInitScript({ content: PROBE });
  await page.goto('/');
  // Train is enabled once the default corpus has loaded; a second more lets the load phase end.
  await waitUntilEnabled(page, 'Train', 120_000);
  await page.waitForTimeout(1000);
  await page.evaluate(START);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction(STARTED, undefined, { timeout: 300_000, polling: 500 });
  await page.waitForTimeout(askedSeconds * 1000);
  const data = (await page.evaluate(COLLECT)) as ProbeData;
  const region = page.getByRole('region', { name: 'Backend in use' });
  const backend = await region.getAttribute('data-backend');
  const software = await region.getAttribute('data-software');
  const points = await page
    .getByRole('figure', { name: 'Loss chart' })
    .getAttribute('data-train-points');
  const statusText = (await page.getByRole('status').textContent()) ?? '';
  await page.getByRole('button', { name: 'Stop', exact: true }).click();

  const relative = <T extends { start: number }>(x: T): T => ({
    ...x,
    start: x.start - data.clickAt,
  });
  const during = data.longTasks.filter((t) => t.start >= data.clickAt).map(relative);
  const before = data.longTasks.filter((t) => t.start < data.clickAt);
  const frames = data.frames.filter((f) => f.start >= data.clickAt).map(relative);
  const steps = stepProgress(data.statuses);
  const windowSeconds = (data.now - data.clickAt) / 1000;
  const startSeconds = steps.firstAt === null ? null : steps.firstAt / 1000;
  return {
    status: 'ok',
    reason: null,
    backend,
    software: software === null ? null : software === 'true',
    askedSeconds,
    startSeconds,
    trainSeconds: startSeconds === null ? null : windowSeconds - startSeconds,
    longTasks: summarise(during),
    loadLongTasks: summarise(before),
    frames: data.rafCount,
    longestFrameGapMs: data.maxGap,
    stepUpdates: steps.updates,
    firstStep: steps.first,
    lastStep: steps.last,
    trainPoints: points === null ? null : Number(points),
    statusText: statusText.trim(),
    longestTasks: longest(during, 20),
    longestFrames: longest(frames, 10),
    consoleErrors: errors,
  };
}

/** Never throws: a failure comes back as a failed row with its reason. */
export async function measureApp(
  browser: Browser,
  origin: string,
  askedSeconds: number,
): Promise<AppFigures> {
  const context = await browser.newContext({ baseURL: origin });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    return await measure(page, askedSeconds, errors);
  } catch (e) {
    const figures = failedApp(askedSeconds, e instanceof Error ? e.message : String(e));
    return { ...figures, consoleErrors: errors };
  } finally {
    await context.close();
  }
}
