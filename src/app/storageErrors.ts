// What a failed storage operation tells the user. Pure (no DOM types), so the wording of the
// quota case, the one that matters most, is unit-tested.

export const QUOTA_MESSAGE =
  'Your browser’s storage for this page is full, so the latest save was skipped; everything ' +
  'saved before is kept. Delete saved runs you no longer need to make room.';

/** A failed storage operation, with a message for the page; `quota` when the disk is full. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly quota = false,
  ) {
    super(message);
  }
}

/** Any failure of IndexedDB (a DOMException, usually) as a StorageError that says what failed. */
export function storageError(error: unknown, doing: string): StorageError {
  if (error instanceof StorageError) return error;
  const name =
    typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : '';
  if (name === 'QuotaExceededError') return new StorageError(QUOTA_MESSAGE, true);
  const why = error instanceof Error ? error.message : String(error);
  return new StorageError(`Could not ${doing}: ${why || String(name) || 'the browser refused'}.`);
}
