/**
 * Bundled list prices (USD per million tokens), used only when a candidate has no `price`.
 * Prices move: the report says the price came from this table and its date. Standard tier,
 * short-context rates; batch/flex/priority tiers and long-context surcharges are not modelled.
 * Anthropic cache writes are billed at 1.25× input for the 5-minute cache and 2× for the 1-hour
 * cache (told apart by the answer's `usage.cache_creation`; a suite's `cache_write_input_per_mtok`
 * and `cache_write_1h_input_per_mtok` override them).
 */
import type { Price } from '../../config/suite-schema.js';

export const PRICE_TABLE_DATE = '2025-10-01';

export const PRICE_TABLE: Readonly<Record<string, Price>> = {
  // OpenAI
  'gpt-5': { input_per_mtok: 1.25, cached_input_per_mtok: 0.125, output_per_mtok: 10 },
  'gpt-5-mini': { input_per_mtok: 0.25, cached_input_per_mtok: 0.025, output_per_mtok: 2 },
  'gpt-5-nano': { input_per_mtok: 0.05, cached_input_per_mtok: 0.005, output_per_mtok: 0.4 },
  'gpt-4.1': { input_per_mtok: 2, cached_input_per_mtok: 0.5, output_per_mtok: 8 },
  'gpt-4.1-mini': { input_per_mtok: 0.4, cached_input_per_mtok: 0.1, output_per_mtok: 1.6 },
  'gpt-4.1-nano': { input_per_mtok: 0.1, cached_input_per_mtok: 0.025, output_per_mtok: 0.4 },
  'gpt-4o': { input_per_mtok: 2.5, cached_input_per_mtok: 1.25, output_per_mtok: 10 },
  'gpt-4o-mini': { input_per_mtok: 0.15, cached_input_per_mtok: 0.075, output_per_mtok: 0.6 },
  o3: { input_per_mtok: 2, cached_input_per_mtok: 0.5, output_per_mtok: 8 },
  'o4-mini': { input_per_mtok: 1.1, cached_input_per_mtok: 0.275, output_per_mtok: 4.4 },
  // Anthropic (cache reads at 0.1× input)
  'claude-opus-4-1': { input_per_mtok: 15, cached_input_per_mtok: 1.5, output_per_mtok: 75 },
  'claude-opus-4': { input_per_mtok: 15, cached_input_per_mtok: 1.5, output_per_mtok: 75 },
  'claude-sonnet-4-5': { input_per_mtok: 3, cached_input_per_mtok: 0.3, output_per_mtok: 15 },
  'claude-sonnet-4': { input_per_mtok: 3, cached_input_per_mtok: 0.3, output_per_mtok: 15 },
  'claude-3-7-sonnet': { input_per_mtok: 3, cached_input_per_mtok: 0.3, output_per_mtok: 15 },
  'claude-haiku-4-5': { input_per_mtok: 1, cached_input_per_mtok: 0.1, output_per_mtok: 5 },
  'claude-3-5-haiku': { input_per_mtok: 0.8, cached_input_per_mtok: 0.08, output_per_mtok: 4 },
  // Google Gemini (≤200k-token prompts)
  'gemini-3-pro-preview': { input_per_mtok: 2, cached_input_per_mtok: 0.2, output_per_mtok: 12 },
  'gemini-2.5-pro': { input_per_mtok: 1.25, cached_input_per_mtok: 0.125, output_per_mtok: 10 },
  'gemini-2.5-flash': { input_per_mtok: 0.3, cached_input_per_mtok: 0.03, output_per_mtok: 2.5 },
  'gemini-2.5-flash-lite': { input_per_mtok: 0.1, cached_input_per_mtok: 0.01, output_per_mtok: 0.4 },
  'gemini-2.0-flash': { input_per_mtok: 0.1, cached_input_per_mtok: 0.025, output_per_mtok: 0.4 },
  // DeepSeek (V3.2 prices; cache hit vs miss)
  'deepseek-chat': { input_per_mtok: 0.28, cached_input_per_mtok: 0.028, output_per_mtok: 0.42 },
  'deepseek-reasoner': { input_per_mtok: 0.28, cached_input_per_mtok: 0.028, output_per_mtok: 0.42 },
  // Mistral
  'mistral-large-latest': { input_per_mtok: 2, output_per_mtok: 6 },
  'mistral-medium-latest': { input_per_mtok: 0.4, output_per_mtok: 2 },
  'mistral-small-latest': { input_per_mtok: 0.1, output_per_mtok: 0.3 },
  // Qwen (DashScope international)
  'qwen-max': { input_per_mtok: 1.6, output_per_mtok: 6.4 },
  'qwen-plus': { input_per_mtok: 0.4, output_per_mtok: 1.2 },
  'qwen-turbo': { input_per_mtok: 0.05, output_per_mtok: 0.2 },
  // Groq
  'llama-3.3-70b-versatile': { input_per_mtok: 0.59, output_per_mtok: 0.79 },
  'llama-3.1-8b-instant': { input_per_mtok: 0.05, output_per_mtok: 0.08 },
};
