/** A logged request body in any supported dialect → canonical request, with what the conversion dropped. */
import type { CanonicalRequest } from '../../core/types.js';
import type { SourceLine } from '../types.js';
import { convertAnthropicRequest } from './anthropic-request.js';
import { convertGeminiRequest } from './gemini-request.js';
import { NativeContext, type Conversion, type Dialect } from './native-context.js';
import { convertResponsesRequest } from './responses-request.js';

type NativeDialect = Exclude<Dialect, 'openai-chat'>;

const CONVERTERS: Readonly<Record<NativeDialect, (body: Record<string, unknown>, context: NativeContext) => CanonicalRequest>> = {
  'anthropic-messages': convertAnthropicRequest,
  gemini: convertGeminiRequest,
  'openai-responses': convertResponsesRequest,
};

export function convertNativeBody(dialect: NativeDialect, body: Record<string, unknown>, where: SourceLine, path: string): { request: CanonicalRequest; conversion: Conversion } {
  const context = new NativeContext(where, path);
  const request = CONVERTERS[dialect](body, context);
  return { request, conversion: { from: dialect, dropped: context.dropped() } };
}
