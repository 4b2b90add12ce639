/** Public entry points of providers/. */
export { createModelClient } from './create-model-client.js';
export { defaultApiKeyEnv, findMissingApiKeys, apiKeyEnvFor } from './api-keys.js';
export { priceUsage, priceResponse, findPriceSource, findTablePrice, type PricedUsage } from './pricing/price-usage.js';
export { PRICE_TABLE, PRICE_TABLE_DATE } from './pricing/price-table.js';
export { findCapabilityGaps, type CapabilityGap } from '../core/capability-gaps.js';
export { PROVIDER_DEFAULT_BASE_URLS } from './resolve-adapter.js';
export type * from './types.js';
