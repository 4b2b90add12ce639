/**
 * The OpenRouter request fragment: `models` in chain order plus a `provider` block. OpenRouter
 * chains per request, so per-member params cannot be carried: the export says so. Members with no
 * OpenRouter id (a Groq-hosted or self-hosted model) are left out with a warning; a primary
 * without one makes the export fail, since the chain would then mean something else.
 */
import { z } from 'zod';
import { UserInputError } from '../../core/errors.js';
import type { CandidateSummary, RunRecordFile } from '../../record/types.js';
import { resolveChainMembers } from './chain-members.js';
import type { ChainExport } from './types.js';
import { validateExport } from './validate-export.js';

export const OpenrouterFragmentSchema = z.strictObject({
  models: z.array(z.string().regex(/^[a-z0-9-]+\/[A-Za-z0-9._:-]+$/, 'vendor/model as OpenRouter names it')).min(1),
  provider: z.strictObject({
    allow_fallbacks: z.boolean(),
    require_parameters: z.boolean(),
    sort: z.enum(['price', 'throughput', 'latency']).optional(),
    order: z.array(z.string()).optional(),
  }),
});

export type OpenrouterFragment = z.infer<typeof OpenrouterFragmentSchema>;

const VENDORS: Record<string, string> = { openai: 'openai', anthropic: 'anthropic', gemini: 'google', deepseek: 'deepseek', mistral: 'mistralai', qwen: 'qwen' };

/** The OpenRouter id of a candidate, or why there is none. */
export function toOpenrouterModel(candidate: CandidateSummary): { id?: string; note?: string } {
  if (candidate.provider === 'openrouter') return { id: candidate.model };
  if (candidate.provider === 'together') return { id: candidate.model.toLowerCase(), note: `${candidate.id}: OpenRouter id taken from the Together id; check it exists` };
  const vendor = VENDORS[candidate.provider];
  if (!vendor) return { note: `${candidate.id}: provider ${candidate.provider} has no OpenRouter model id; left out of models` };
  if (candidate.provider === 'anthropic') {
    // Anthropic ids use dashes and a date (claude-sonnet-4-5-20250929); OpenRouter uses claude-sonnet-4.5.
    const id = candidate.model.replace(/-\d{8}$/, '').replace(/-(\d)-(\d)(?=$|-)/, '-$1.$2');
    return { id: `${vendor}/${id}`, note: id === candidate.model ? undefined : `${candidate.id}: OpenRouter id ${vendor}/${id} derived from ${candidate.model}; check it exists` };
  }
  return { id: `${vendor}/${candidate.model}` };
}

export function exportOpenrouter(record: RunRecordFile): ChainExport {
  const members = resolveChainMembers(record);
  const warnings: string[] = [];
  const models: string[] = [];
  for (const member of members) {
    const { id, note } = toOpenrouterModel(member.candidate);
    if (note) warnings.push(note);
    if (!id) {
      if (member.position === 1) {
        throw new UserInputError(`the primary "${member.candidate.id}" (${member.candidate.provider}) has no OpenRouter model id, so the chain cannot be expressed on OpenRouter`);
      }
      continue;
    }
    models.push(id);
    if (member.candidate.params && Object.keys(member.candidate.params).length > 0) {
      warnings.push(`${member.candidate.id}: params ${Object.keys(member.candidate.params).join(', ')} cannot be set per model on OpenRouter; send them in the request`);
    }
  }
  // require_parameters: a provider that would silently drop response_format or tools is skipped.
  const fragment = validateExport(OpenrouterFragmentSchema, { models, provider: { allow_fallbacks: true, require_parameters: true } }, 'openrouter');
  return { format: 'openrouter', filename: 'exports/openrouter.json', content: JSON.stringify(fragment, null, 2) + '\n', warnings };
}
