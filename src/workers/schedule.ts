// When to sample and when to measure validation loss. Pure functions of the run's size, so the
// page's timeline reads like the seed lectures: samples at 0.03, 0.1 and 0.4 epochs, then each epoch.

/** Fractional epochs at which the lectures showed samples before the first full epoch. */
export const EARLY_SAMPLE_EPOCHS = [0.03, 0.1, 0.4] as const;

/** Steps (1-based: "after step s") at which to take a sample; always includes the last step. */
export function sampleSteps(stepsPerEpoch: number, totalSteps: number): number[] {
  const steps = new Set<number>();
  const add = (epoch: number) =>
    steps.add(Math.min(totalSteps, Math.max(1, Math.round(epoch * stepsPerEpoch))));
  EARLY_SAMPLE_EPOCHS.forEach(add);
  for (let e = 1; e * stepsPerEpoch <= totalSteps; e++) add(e);
  steps.add(totalSteps);
  return [...steps].sort((a, b) => a - b);
}

/**
 * Validation runs every `validationInterval` steps, at each epoch's end and at the last step.
 * About ten times per epoch, but at least 20 steps apart so that it costs under ~10 % of the time.
 */
export function validationInterval(stepsPerEpoch: number): number {
  return Math.max(20, Math.round(stepsPerEpoch / 10));
}

export function isValidationStep(step: number, stepsPerEpoch: number, totalSteps: number): boolean {
  return (
    step === totalSteps ||
    step % stepsPerEpoch === 0 ||
    step % validationInterval(stepsPerEpoch) === 0
  );
}

/**
 * The fixed prime of the samples shown while training: the corpus's first characters up to the
 * first space (a word to continue), or its first 4 characters ("216+" on the addition corpus).
 */
export function choosePrime(text: string): string {
  const chars = [...text.slice(0, 80)];
  const space = chars.findIndex((c, i) => i > 0 && (c === ' ' || c === '\n'));
  return chars.slice(0, space > 0 && space < 20 ? space + 1 : 4).join('');
}
