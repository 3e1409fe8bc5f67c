/**
 * The messages between the worker provider (main thread) and its worker. The dataset goes first, in columnar chunks
 * (`columnar.ts`); calls carry a method name and the params without their `signal`; an `abort` message cancels a
 * call inside the worker.
 * @module
 */
import type { ProviderCapabilities } from '../../core/contract';
import type { ProviderErrorCode } from '../../core/errors';
import type { EncodedChunk } from './columnar';
import type { TableName } from './dataset-schemas';

/** Options of the memory provider the worker builds. */
export interface WorkerEngineOptions {
  /** Simulated delay per call. */
  latencyMs?: number;
  /** Capability overrides. */
  capabilities?: Partial<ProviderCapabilities>;
  /** Ranges the users list keeps aggregated. */
  usersCacheRanges?: number;
  /** Validate the dataset. */
  validate?: boolean;
}

/** Main thread → worker. */
export type ToWorker =
  | { type: 'start'; options: WorkerEngineOptions }
  | { type: 'chunk'; table: TableName; chunk: EncodedChunk }
  | { type: 'raw'; table: TableName; value: unknown }
  | { type: 'end' }
  | { type: 'call'; id: number; method: string; params: object }
  | { type: 'abort'; id: number };

/** A failure as it crosses the boundary; a `ProviderError` keeps its code and field. */
export interface WireError {
  /** `ProviderError` code, or `null` for any other error. */
  code: ProviderErrorCode | null;
  /** Message. */
  message: string;
  /** Offending field, when any. */
  field?: string;
  /** HTTP status, when any. */
  status?: number;
}

/** Worker → main thread. */
export type FromWorker =
  | { type: 'received'; table: TableName; rows: number }
  | { type: 'ready' }
  | { type: 'failed'; error: WireError }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: WireError };
