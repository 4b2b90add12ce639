import type { ChatMessage, CanonicalRequest, RequestWarning } from '../../core/types.js';
import type { AdapterContext, WireRequest } from '../adapter.js';
import { applyParamTable } from '../engine/param-table.js';
import type { OpenAIPreset } from './openai-preset.js';
import { resolveReasoningMode, toReasoningTable, toUserInsteadOfSystem } from './reasoning-models.js';

export function toOpenAIRequest(preset: OpenAIPreset, request: CanonicalRequest, context: AdapterContext): WireRequest {
  const reasoning = resolveReasoningMode(context);
  const table = reasoning.mode === false ? preset.table : toReasoningTable(preset.table, reasoning.because);
  const mapped = applyParamTable(table, request, context, { passUnknown: preset.passUnknown });
  const warnings: RequestWarning[] = mapped.warnings;
  const warn = (warning: RequestWarning): void => {
    warnings.push(warning);
  };
  const body: Record<string, unknown> = { model: context.model, ...mapped.body };
  if (reasoning.mode === 'no-system' && Array.isArray(body.messages)) body.messages = toUserInsteadOfSystem(body.messages as ChatMessage[], reasoning.because, warn);
  if (context.stream) {
    body.stream = true;
    if (preset.streamUsage) body.stream_options = { include_usage: true };
  }
  preset.finishBody?.(body, request, warn, context);
  const wire: WireRequest = { path: '/chat/completions', body, warnings };
  if (preset.headers) wire.headers = { ...preset.headers };
  return wire;
}
