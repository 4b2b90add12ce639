/**
 * Cost of one answer from what served it. `Usage` counts cached reads and cache writes inside
 * `input_tokens` and reasoning tokens inside `output_tokens`, so each part is billed once at its
 * own rate.
 */
import type { Price } from '../../config/suite-schema.js';
import type { ModelResponse, Usage } from '../../core/types.js';
import type { PriceSource } from '../types.js';
import { PRICE_TABLE } from './price-table.js';

/** Anthropic bills a 5-minute cache write at 1.25× the input rate… */
export const CACHE_WRITE_INPUT_MULTIPLIER = 1.25;
/** …and a 1-hour cache write at 2×. */
export const CACHE_WRITE_1H_INPUT_MULTIPLIER = 2;

export interface PricedUsage {
  costUsd: number;
  priceSource: PriceSource;
}

/**
 * A cost the provider reported is what was billed (OpenRouter routes one model id to providers at
 * different prices), so it wins over the suite's price and the table; otherwise the usage is priced.
 */
export function priceResponse(response: ModelResponse, price: Price | undefined, model: string): PricedUsage {
  if (response.reportedCostUsd !== undefined) return { costUsd: response.reportedCostUsd, priceSource: 'provider' };
  return priceUsage(response.usage, price, model);
}

export function priceUsage(usage: Usage, price: Price | undefined, model: string): PricedUsage {
  const chosen = price ?? findTablePrice(model);
  if (!chosen) return { costUsd: 0, priceSource: 'none' };
  const cached = Math.min(usage.cached_input_tokens ?? 0, usage.input_tokens);
  const written = Math.min(usage.cache_write_input_tokens ?? 0, usage.input_tokens - cached);
  const writtenForAnHour = Math.min(usage.cache_write_1h_input_tokens ?? 0, written);
  const reasoning = Math.min(usage.reasoning_tokens ?? 0, usage.output_tokens);
  const micro =
    (usage.input_tokens - cached - written) * chosen.input_per_mtok +
    cached * (chosen.cached_input_per_mtok ?? chosen.input_per_mtok) +
    (written - writtenForAnHour) * (chosen.cache_write_input_per_mtok ?? chosen.input_per_mtok * CACHE_WRITE_INPUT_MULTIPLIER) +
    writtenForAnHour * (chosen.cache_write_1h_input_per_mtok ?? chosen.input_per_mtok * CACHE_WRITE_1H_INPUT_MULTIPLIER) +
    (usage.output_tokens - reasoning) * chosen.output_per_mtok +
    reasoning * (chosen.reasoning_per_mtok ?? chosen.output_per_mtok);
  return { costUsd: micro / 1_000_000, priceSource: price ? 'suite' : 'table' };
}

/** Providers whose answers carry their own bill (`usage.cost`), named by provider, never by model. */
const PROVIDERS_REPORTING_COST: ReadonlySet<string> = new Set(['openrouter']);

/** Where a candidate's costs will come from, for the run record (each call may still fall back). */
export function findPriceSource(candidate: { provider: string; model: string; price?: Price | undefined }): PriceSource {
  if (PROVIDERS_REPORTING_COST.has(candidate.provider)) return 'provider';
  if (candidate.price) return 'suite';
  return findTablePrice(candidate.model) ? 'table' : 'none';
}

/**
 * Exact name first, then without a router prefix (`openai/gpt-4o`) and a dated snapshot suffix
 * (`gpt-4.1-nano-2025-04-14`, `claude-sonnet-4-5-20250929`). Never a looser prefix match: an
 * unknown model costs "unknown", not a neighbour's price.
 */
export function findTablePrice(model: string): Price | undefined {
  const withoutRouter = model.includes('/') ? model.slice(model.lastIndexOf('/') + 1) : model;
  const withoutDate = withoutRouter.replace(/-(\d{4}-\d{2}-\d{2}|\d{8})$/, '').replace(/-latest$/, '');
  return PRICE_TABLE[model] ?? PRICE_TABLE[withoutRouter] ?? PRICE_TABLE[withoutDate] ?? PRICE_TABLE[`${withoutDate}-latest`];
}
