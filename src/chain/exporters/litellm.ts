/**
 * LiteLLM proxy `config.yaml`: one model_list entry per chain member (named by candidate id), the
 * general fallbacks in chain order, and context-window / content-policy fallbacks where the run
 * showed which members answer what an earlier one refused.
 */
import { stringify } from 'yaml';
import type { RunRecordFile } from '../../record/types.js';
import { baseUrlOf, findMembersHandling, readRetries, resolveChainMembers, type ChainMember } from './chain-members.js';
import { LitellmConfigSchema, type LitellmConfig } from './litellm-schema.js';
import { splitParams } from './override-params.js';
import type { ChainExport, ExportOptions } from './types.js';
import { validateExport } from './validate-export.js';

const PROVIDER_PREFIXES: Record<string, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'gemini',
  deepseek: 'deepseek',
  mistral: 'mistral',
  qwen: 'dashscope',
  groq: 'groq',
  together: 'together_ai',
  openrouter: 'openrouter',
};
const PROTOCOL_PREFIXES: Record<ChainMember['protocol'], string> = { openai: 'openai', anthropic: 'anthropic', gemini: 'gemini' };

export function exportLitellm(record: RunRecordFile, options: ExportOptions = {}): ChainExport {
  const members = resolveChainMembers(record);
  const warnings: string[] = [];
  const ids = members.map((member) => member.candidate.id);
  const toFallbacks = (map: Map<string, string[]>) => [...map.entries()].map(([group, targets]) => ({ [group]: targets }));
  const contextWindow = toFallbacks(findMembersHandling(members, 'context_length'));
  const contentPolicy = toFallbacks(findMembersHandling(members, 'content_filter'));
  const config = {
    model_list: members.map((member) => ({
      model_name: member.candidate.id,
      litellm_params: toParams(member, warnings, options),
      model_info: { id: member.candidate.id },
    })),
    router_settings: {
      num_retries: readRetries(record),
      fallbacks: ids.length > 1 ? [{ [ids[0]!]: ids.slice(1) }] : [],
      ...(contextWindow.length > 0 ? { context_window_fallbacks: contextWindow } : {}),
      ...(contentPolicy.length > 0 ? { content_policy_fallbacks: contentPolicy } : {}),
    },
  };
  const valid: LitellmConfig = validateExport(LitellmConfigSchema, config, 'litellm');
  const header = [
    `chainproof export for LiteLLM (record schema v${record.schema_version}) · run ${record.run_id} · suite ${record.suite.name}`,
    ...(record.simulated ? ['SIMULATED RUN: these members were measured against the chainproof simulator, not real models'] : []),
    `Proposed chain: ${ids.join(' -> ')}. The app calls model "${ids[0]}". Keys come from the environment (os.environ/NAME).`,
  ];
  const content = `${header.map((line) => `# ${line.replace(/[\r\n]/g, ' ')}`).join('\n')}\n${stringify(valid, { lineWidth: 0 })}`;
  return { format: 'litellm', filename: 'exports/litellm.yaml', content, warnings };
}

function toParams(member: ChainMember, warnings: string[], options: ExportOptions): LitellmConfig['model_list'][number]['litellm_params'] {
  const { candidate } = member;
  const compatible = candidate.provider === 'simulated' || candidate.provider === 'openai-compatible';
  const prefix = compatible ? PROTOCOL_PREFIXES[member.protocol] : (PROVIDER_PREFIXES[candidate.provider] ?? 'openai');
  const { kept, dropped } = splitParams(candidate.params);
  const extra: Record<string, unknown> = {};
  for (const name of dropped) extra[name] = candidate.params![name];
  if (dropped.length > 0) warnings.push(`${candidate.id}: params ${dropped.join(', ')} are sent through extra_body`);
  const params: Record<string, unknown> = {
    model: `${prefix}/${candidate.model}`,
    api_key: `os.environ/${member.keyEnv}`,
    timeout: member.timeoutMs / 1000,
    ...kept,
  };
  const base = baseUrlOf(member, options.simulatorUrl);
  if (base) params.api_base = base;
  if (dropped.length > 0) params.extra_body = extra;
  return params as LitellmConfig['model_list'][number]['litellm_params'];
}
