/**
 * The one definition of total tokens, shared by the users list, trends, the metric cards and the trace table.
 * @module
 */

/**
 * Total tokens: input + output, counting the known side when only one is known; `null` when neither is.
 * (`null` and `undefined` both mean unknown, so it takes a `KeyMetrics` pair as well as a `Trace`'s fields.)
 */
export function totalTokens(inputTokens: number | null | undefined, outputTokens: number | null | undefined): number | null {
  if ((inputTokens === null || inputTokens === undefined) && (outputTokens === null || outputTokens === undefined)) return null;
  return (inputTokens ?? 0) + (outputTokens ?? 0);
}
