// Every cell's fused point-wise kernels on the GPU backends (SwiftShader in CI) pass the worker's
// self-check: one training step's loss and gradients within 1e-3 of cpu's, two layers, batch 3
// (odd rows), H 8 (src/model/selfCheck.ts); then a short run. A backend that fails the check is
// skipped by the app and named; here that is a failure, since the kernels are ours.
import { expect, setUpTinyRun, test } from './fixtures.ts';

for (const backend of ['webgl', 'webgpu']) {
  for (const cell of ['lstm', 'gru', 'rnn']) {
    test(`a ${cell} trains on ${backend} after matching cpu`, async ({ page, watched }) => {
      test.setTimeout(180_000);
      await setUpTinyRun(page, { backend, epochs: '0.01' });
      await page.getByLabel('Cell', { exact: true }).selectOption(cell);
      await page.getByRole('button', { name: 'Train' }).click();
      await expect(page.getByRole('status')).toContainText(/done/i, { timeout: 150_000 });
      const info = page.getByRole('region', { name: 'Backend in use' });
      const shown = (await info.textContent()) ?? '';
      expect(await info.getAttribute('data-backend'), shown).toBe(backend);
      expect(watched.consoleErrors).toEqual([]);
    });
  }
}
