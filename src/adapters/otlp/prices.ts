/**
 * A caller-supplied price table, used for the cost of LLM spans that carry tokens but no cost.
 * @module
 */
import { ProviderError } from '../../core/errors';

/** USD per million tokens of one model. */
export interface ModelPrice {
  /** USD per million input (prompt) tokens. */
  inputUsdPerMillionTokens: number;
  /** USD per million output (completion) tokens. */
  outputUsdPerMillionTokens: number;
}

/** Prices by exact model id, e.g. `{ "gpt-4o-2024-08-06": { inputUsdPerMillionTokens: 2.5, outputUsdPerMillionTokens: 10 } }`. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * Checks a price table: every price a finite number ≥ 0.
 * @throws ProviderError `invalid-data` naming e.g. `prices["gpt-4o"].inputUsdPerMillionTokens`.
 */
export function checkPrices(prices: PriceTable): void {
  for (const [model, price] of Object.entries(prices)) {
    for (const key of ['inputUsdPerMillionTokens', 'outputUsdPerMillionTokens'] as const) {
      const v = (price as Partial<ModelPrice> | null)?.[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        const field = `prices[${JSON.stringify(model)}].${key}`;
        throw new ProviderError('invalid-data', `${field}: expected a number ≥ 0, got ${String(v)}`, { field });
      }
    }
  }
}

/** Cost in USD of `input` and `output` tokens on the first of `models` found in `prices`; `null` when none is. */
export function priceTokens(prices: PriceTable, models: readonly string[], input: number, output: number): number | null {
  for (const model of models) {
    const price = Object.prototype.hasOwnProperty.call(prices, model) ? prices[model] : undefined;
    if (price) return (input * price.inputUsdPerMillionTokens + output * price.outputUsdPerMillionTokens) / 1e6;
  }
  return null;
}
