import { defineConfig } from '@playwright/test';

// Browser tests drive the system Chromium (Playwright cannot download its own browser here); set
// CHROMIUM_PATH to use another build, e.g. on a laptop with Playwright's own browser installed.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT lets two checkouts run their browser tests side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  // Kept apart from test-results/unit.json, which Playwright would otherwise clean away.
  outputDir: 'test-results/e2e-artifacts',
  // Training in the browser is CPU-heavy and the CI machine has 2 cores: one test at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--no-first-run',
        // The sandbox has no network: stop Chromium from calling home at every start.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // WebGPU and WebGL on SwiftShader, so the GPU backends are tested without a GPU.
        '--enable-unsafe-webgpu',
        '--enable-unsafe-swiftshader',
        '--use-angle=swiftshader',
      ],
    },
  },
  webServer: {
    // The production build, served with the same cross-origin isolation headers as the dev server.
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
