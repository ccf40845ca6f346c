import { describe, expect, it } from 'vitest';
import { QUOTA_MESSAGE, StorageError, storageError } from './storageErrors.ts';

describe('storageError', () => {
  it('says the disk is full, and that earlier saves are kept, for a quota error', () => {
    const error = storageError(new DOMException('full', 'QuotaExceededError'), 'save the run');
    expect(error.quota).toBe(true);
    expect(error.message).toBe(QUOTA_MESSAGE);
    expect(error.message).toMatch(/everything saved before is kept/);
  });

  it('names the operation for other failures', () => {
    const error = storageError(new DOMException('boom', 'UnknownError'), 'rename the run');
    expect(error.quota).toBe(false);
    expect(error.message).toBe('Could not rename the run: boom.');
  });

  it('passes its own errors through', () => {
    const own = new StorageError('x');
    expect(storageError(own, 'save')).toBe(own);
  });
});
