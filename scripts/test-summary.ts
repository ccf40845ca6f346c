// Prints the plain closing line CI reads, `N passed, N failed`, from the JSON reports that
// `npm test` leaves behind (Vitest's and Playwright's). A stage that failed before its tests ran
// (typecheck, lint, build) counts as one failure, so a red run never reads as green.
import { existsSync, readFileSync } from 'node:fs';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts | null {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  };
}

function playwrightCounts(file: string): Counts | null {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
    skipped: r.stats.skipped,
  };
}

const exitCode = Number(process.argv[2] ?? '0');
const parts = [vitestCounts('test-results/unit.json'), playwrightCounts('test-results/e2e.json')];
const total = { passed: 0, failed: 0, skipped: 0 };
for (const c of parts) {
  if (!c) continue;
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}
if (exitCode !== 0 && total.failed === 0) total.failed = 1; // a stage failed outside any test
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
