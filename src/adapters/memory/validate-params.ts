/**
 * Checks of the memory provider's call params. They live in core (`params.ts`, `params-filters.ts`) so every
 * engine refuses the same inputs with the same `field` names; this module re-exports the ones the memory and
 * Langfuse providers import.
 * @module
 */
export { parseGranularity, parseRange, parseUserId } from '../../core/params';
