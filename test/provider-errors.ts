/** Test helpers: the ProviderError a call rejects or throws with (anything else fails the test). */
import { isProviderError, type ProviderError } from '../src/core/errors';

/** The ProviderError `promise` rejects with; throws when it resolves or rejects with something else. */
export async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (isProviderError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** The ProviderError `run` throws; throws when it returns or throws something else. */
export function failure(run: () => unknown): ProviderError {
  try {
    run();
  } catch (error) {
    if (isProviderError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}
