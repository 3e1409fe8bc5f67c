/**
 * What the main thread knows of the memory provider's engine without loading it: the names of the methods the
 * worker provider forwards and the capabilities it declares. Static, so a host whose engine runs in a worker never
 * loads the engine (nor its schema library) on its main thread.
 * @module
 */
import type { DataProvider, ProviderCapabilities } from '../../core/contract';
import { datasetCapabilities } from '../../core/dataset-capabilities';
import type { MemoryProviderOptions } from '../memory/create-memory-provider';

/** A method of the DataProvider contract: every key but `capabilities`. */
export type EngineMethod = Exclude<keyof DataProvider, 'capabilities'>;

/** One entry per contract method, so a method missing here or one the contract lacks fails typecheck. */
const METHODS: Record<EngineMethod, true> = {
  listUsers: true,
  getUsersSummary: true,
  getUsersDistribution: true,
  getUsersSegments: true,
  getUser: true,
  getUserMetrics: true,
  getUserTrends: true,
  getModelUsage: true,
  getFeedback: true,
  listFeedbackComments: true,
  listConversations: true,
  listTraces: true,
};

/** The methods the worker provider forwards: every DataProvider method, optional ones included, as the memory provider has them. */
export const ENGINE_METHODS = Object.keys(METHODS) as EngineMethod[];

/** Answers `method` with `params`; a method of the forwarded provider. */
export type ForwardCall = (method: EngineMethod, params?: { signal?: AbortSignal }) => Promise<unknown>;

/** Every {@link ENGINE_METHODS} method, each answered by `call` with its name. */
export function forwardMethods(call: ForwardCall): Omit<Required<DataProvider>, 'capabilities'> {
  const methods = ENGINE_METHODS.map((name) => [name, (params?: { signal?: AbortSignal }) => call(name, params)]);
  return Object.fromEntries(methods) as unknown as Omit<Required<DataProvider>, 'capabilities'>;
}

/** The capabilities the memory provider declares over valid data `options`. */
export function declaredCapabilities(options: MemoryProviderOptions): ProviderCapabilities {
  const { feedback = [], capabilities } = options;
  return datasetCapabilities(Array.isArray(feedback) && feedback.length > 0, capabilities);
}
