import { ProviderError } from '../../src/core/errors';

/** `{ ok: value }`, or `{ field, message }` of the ProviderError thrown: a validation's outcome, comparable with `toEqual`. */
export function outcome(fn: () => unknown): unknown {
  try {
    return { ok: fn() };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return { field: error.field, message: error.message };
  }
}
