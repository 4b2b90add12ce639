/**
 * Which candidate params a gateway target can carry. Gateways accept unknown keys silently, so an
 * export keeps only the parameters it knows and says which ones it left out.
 */
export const PORTABLE_PARAMS = [
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'top_k',
  'stop',
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'reasoning_effort',
  'response_format',
  'parallel_tool_calls',
] as const;

export type PortableParam = (typeof PORTABLE_PARAMS)[number];

export function splitParams(params: Record<string, unknown> | undefined): { kept: Partial<Record<PortableParam, unknown>>; dropped: string[] } {
  const kept: Partial<Record<PortableParam, unknown>> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(params ?? {})) {
    if ((PORTABLE_PARAMS as readonly string[]).includes(name)) kept[name as PortableParam] = value;
    else dropped.push(name);
  }
  return { kept, dropped };
}
