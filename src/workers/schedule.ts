// When to sample and when to measure validation loss. Pure functions of the run's size, so the
// page's timeline reads like the seed lectures: samples at 0.03, 0.1 and 0.4 epochs, then each epoch.

/** Fractional epochs at which the lectures showed samples before the first full epoch. */
export const EARLY_SAMPLE_EPOCHS = [0.03, 0.1, 0.4] as const;

/**
 * Whether to sample after step `step` (1-based): at the early fractions, at every epoch's end,
 * and at the last step. `totalSteps` is null when training until stopped.
 */
export function isSampleStep(
  step: number,
  stepsPerEpoch: number,
  totalSteps: number | null,
): boolean {
  if (step === totalSteps || step % stepsPerEpoch === 0) return true;
  return EARLY_SAMPLE_EPOCHS.some((e) => Math.max(1, Math.round(e * stepsPerEpoch)) === step);
}

/**
 * Validation runs every `validationInterval` steps, at each epoch's end and at the last step.
 * About ten times per epoch, but at least 20 steps apart so that it costs under ~10 % of the time.
 */
export function validationInterval(stepsPerEpoch: number): number {
  return Math.max(20, Math.round(stepsPerEpoch / 10));
}

export function isValidationStep(
  step: number,
  stepsPerEpoch: number,
  totalSteps: number | null,
): boolean {
  return (
    step === totalSteps ||
    step % stepsPerEpoch === 0 ||
    step % validationInterval(stepsPerEpoch) === 0
  );
}

/**
 * The fixed prime of the samples shown while training: the corpus's first characters up to the
 * first space or line end (a word or line to continue), or its first 4 characters.
 */
export function choosePrime(text: string): string {
  const chars = [...text.slice(0, 80)];
  const space = chars.findIndex((c, i) => i > 0 && (c === ' ' || c === '\n'));
  return chars.slice(0, space > 0 && space < 20 ? space + 1 : 4).join('');
}
