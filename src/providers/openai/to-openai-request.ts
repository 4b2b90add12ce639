import type { CanonicalRequest, RequestWarning } from '../../core/types.js';
import type { AdapterContext, WireRequest } from '../adapter.js';
import { applyParamTable } from '../engine/param-table.js';
import type { OpenAIPreset } from './openai-preset.js';

export function toOpenAIRequest(preset: OpenAIPreset, request: CanonicalRequest, context: AdapterContext): WireRequest {
  const mapped = applyParamTable(preset.table, request, context, { passUnknown: preset.passUnknown });
  const warnings: RequestWarning[] = mapped.warnings;
  const body: Record<string, unknown> = { model: context.model, ...mapped.body };
  if (context.stream) {
    body.stream = true;
    if (preset.streamUsage) body.stream_options = { include_usage: true };
  }
  preset.finishBody?.(body, request, (warning) => warnings.push(warning), context);
  const wire: WireRequest = { path: '/chat/completions', body, warnings };
  if (preset.headers) wire.headers = { ...preset.headers };
  return wire;
}
