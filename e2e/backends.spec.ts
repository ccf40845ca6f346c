// The same short run on each backend finishes with the losses cpu gives, or the page shows that
// the backend was skipped and why (in CI, WebGL and WebGPU run on SwiftShader).
import type { Page } from '@playwright/test';
import { expect, setUpTinyRun, shownLoss, test } from './fixtures.ts';

/** 0.02 epochs of the addition corpus at batch 8 x 16 characters: 35 steps. */
const EPOCHS = '0.02';

interface RunResult {
  backend: string;
  skipped: string;
  trainLoss: number;
  valLoss: number;
}

async function shortRun(page: Page, backend: string): Promise<RunResult> {
  await setUpTinyRun(page, { backend, epochs: EPOCHS });
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toContainText(/done/i, { timeout: 200_000 });
  const info = page.getByRole('region', { name: 'Backend in use' });
  return {
    backend: (await info.getAttribute('data-backend')) ?? '',
    skipped: (await info.textContent()) ?? '',
    trainLoss: await shownLoss(page, 'train-loss'),
    valLoss: await shownLoss(page, 'val-loss'),
  };
}

for (const backend of ['wasm', 'webgl', 'webgpu']) {
  test(`a short run on ${backend} matches cpu, or says why ${backend} was skipped`, async ({
    page,
    watched,
  }) => {
    test.setTimeout(420_000);
    const cpu = await shortRun(page, 'cpu');
    expect(cpu.backend).toBe('cpu');
    const other = await shortRun(page, backend);
    if (other.backend !== backend) {
      // Skipped: the page must name it and give a reason.
      expect(other.skipped).toMatch(new RegExp(`${backend}.*(fail|disagree|no |not )`, 'i'));
      test.info().annotations.push({ type: 'skipped backend', description: other.skipped });
    } else {
      test.info().annotations.push({
        type: 'losses',
        description: `cpu train ${cpu.trainLoss} val ${cpu.valLoss}; ${backend} train ${other.trainLoss} val ${other.valLoss}`,
      });
      // Same seed, same batches, same 35 steps: float32 rounding is the only difference.
      expect(Math.abs(other.valLoss - cpu.valLoss)).toBeLessThan(0.02);
      expect(Math.abs(other.trainLoss - cpu.trainLoss)).toBeLessThan(0.02);
    }
    expect(watched.consoleErrors).toEqual([]);
    expect(watched.foreignRequests).toEqual([]);
  });
}
