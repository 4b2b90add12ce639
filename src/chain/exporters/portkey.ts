/**
 * The Portkey gateway config, sent by the app in the `x-portkey-config` header: fallback over the
 * chain in order, with per-target model and params, a timeout from the measured latency and the
 * retries the run measured availability with. Keys are `${ENV}` references the app fills in.
 */
import { UserInputError } from '../../core/errors.js';
import type { RunRecordFile } from '../../record/types.js';
import { baseUrlOf, findMembersHandling, readRetries, resolveChainMembers, type ChainMember } from './chain-members.js';
import { splitParams } from './override-params.js';
import { PortkeyConfigSchema, type PortkeyConfig, type PortkeyTarget } from './portkey-schema.js';
import type { ChainExport, ExportOptions } from './types.js';
import { validateExport } from './validate-export.js';

/** 408 is the gateway's own timeout; 529 is Anthropic's "overloaded". */
export const PORTKEY_FALLBACK_STATUS_CODES = [408, 429, 500, 502, 503, 504, 529];
const RETRY_STATUS_CODES = [429, 500, 502, 503, 504, 529];

const PROVIDER_SLUGS: Record<string, PortkeyTarget['provider']> = {
  openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'google',
  deepseek: 'deepseek',
  mistral: 'mistral-ai',
  qwen: 'dashscope',
  groq: 'groq',
  together: 'together-ai',
  openrouter: 'openrouter',
};
const PROTOCOL_SLUGS: Record<ChainMember['protocol'], PortkeyTarget['provider']> = { openai: 'openai', anthropic: 'anthropic', gemini: 'google' };

export function exportPortkey(record: RunRecordFile, options: ExportOptions = {}): ChainExport {
  const members = resolveChainMembers(record);
  const warnings: string[] = [];
  const retries = readRetries(record);
  const targets = members.map((member) => toTarget(member, retries, warnings, options));
  const codes = [...PORTKEY_FALLBACK_STATUS_CODES];
  // Context-length and content-filter failures come back as 400: fall over on them only when the
  // run showed a later member answering what an earlier one refused.
  const handled = [...findMembersHandling(members, 'context_length').keys(), ...findMembersHandling(members, 'content_filter').keys()];
  if (handled.length > 0) {
    codes.unshift(400);
    warnings.push(`on_status_codes includes 400 because ${[...new Set(handled)].join(', ')} failed on context length or content policy where a later member answered; other bad requests fall over too`);
  }
  const config: PortkeyConfig = validateExport(PortkeyConfigSchema, { strategy: { mode: 'fallback', on_status_codes: codes }, targets }, 'portkey');
  return { format: 'portkey', filename: 'exports/portkey.json', content: JSON.stringify(config, null, 2) + '\n', warnings };
}

function toTarget(member: ChainMember, retries: number, warnings: string[], options: ExportOptions): PortkeyTarget {
  const { candidate } = member;
  const compatible = candidate.provider === 'simulated' || candidate.provider === 'openai-compatible';
  const provider = compatible ? PROTOCOL_SLUGS[member.protocol] : PROVIDER_SLUGS[candidate.provider];
  if (!provider) throw new UserInputError(`candidate "${candidate.id}": provider ${candidate.provider} has no Portkey equivalent`);
  const { kept, dropped } = splitParams(candidate.params);
  if (dropped.length > 0) warnings.push(`${candidate.id}: params ${dropped.join(', ')} are not carried into override_params (set them in the request)`);
  if (member.protocol === 'anthropic' && kept.max_tokens === undefined) {
    kept.max_tokens = 4096;
    warnings.push(`${candidate.id}: Anthropic needs max_tokens; set to 4096 because the suite gave none`);
  }
  const target: PortkeyTarget = {
    provider,
    api_key: `\${${member.keyEnv}}`,
    override_params: { model: candidate.model, ...kept } as PortkeyTarget['override_params'],
    request_timeout: member.timeoutMs,
  };
  const host = baseUrlOf(member, options.simulatorUrl);
  if (host) target.custom_host = host;
  if (retries > 0) target.retry = { attempts: retries, on_status_codes: RETRY_STATUS_CODES };
  return target;
}

/**
 * What an app does before sending the config: put each target's key in from the environment.
 * Throws when a referenced variable is not set, naming it.
 */
export function fillPortkeyKeys(config: PortkeyConfig, env: Record<string, string | undefined>): Record<string, unknown> {
  return {
    ...config,
    targets: config.targets.map((target) => {
      const name = target.api_key.slice(2, -1);
      const value = env[name];
      if (!value) throw new UserInputError(`environment variable ${name} is not set (Portkey target ${target.override_params.model})`);
      return { ...target, api_key: value };
    }),
  };
}
