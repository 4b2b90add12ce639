/**
 * Parameter mapping as data (Portkey-style): one table per wire protocol says, for each canonical
 * parameter, where it goes, its range, its default, or why it cannot be sent. One engine
 * (`applyParamTable`) runs every table, so a dropped, clamped, renamed or defaulted parameter is
 * always a warning — never a silent change.
 */
import type { CanonicalRequest, RequestWarning } from '../../core/types.js';
import type { AdapterContext } from '../adapter.js';

export type Warn = (warning: RequestWarning) => void;

export interface ParamRule {
  /** Wire path, dots for nesting (`generationConfig.temperature`); defaults to the canonical name. */
  to?: string;
  /** The provider cannot take it: dropped with an `unsupported` warning saying this. */
  unsupported?: string;
  /** Numbers outside are clamped with a `clamped` warning. */
  range?: readonly [number, number];
  /** Sent when the request has no value, with a `defaulted` warning. */
  default?: unknown;
  /** A semantic rename (`seed` → `random_seed`): sent under `to` with a `compat` warning saying this. */
  compat?: string;
  /** Shape conversion. Return undefined to send nothing (after warning why). */
  transform?: (value: unknown, request: CanonicalRequest, warn: Warn, context: AdapterContext) => unknown;
}

export type ParamTable = Readonly<Record<string, ParamRule | undefined>>;

export interface ParamTableOptions {
  /** Unknown canonical keys go to the wire unchanged (OpenAI-shaped bodies) instead of a warning. */
  passUnknown: boolean;
}

export function applyParamTable(
  table: ParamTable,
  request: CanonicalRequest,
  context: AdapterContext,
  options: ParamTableOptions,
): { body: Record<string, unknown>; warnings: RequestWarning[] } {
  const body: Record<string, unknown> = {};
  const warnings: RequestWarning[] = [];
  const warn: Warn = (warning) => warnings.push(warning);

  for (const [param, rule] of Object.entries(table)) {
    if (!rule || request[param] !== undefined || rule.default === undefined) continue;
    warn({ type: 'defaulted', param, detail: `not in the request; sent ${JSON.stringify(rule.default)} (required by this provider)` });
    setPath(body, rule.to ?? param, rule.default);
  }

  for (const [param, value] of Object.entries(request)) {
    if (value === undefined) continue;
    const rule = Object.hasOwn(table, param) ? table[param] : undefined;
    if (!rule) {
      if (options.passUnknown || context.rawParamKeys.has(param)) setPath(body, param, value);
      else warn({ type: 'unsupported', param, detail: 'not understood by this provider; dropped' });
      continue;
    }
    if (rule.unsupported !== undefined) {
      warn({ type: 'unsupported', param, detail: rule.unsupported });
      continue;
    }
    let out: unknown = value;
    if (rule.range && typeof out === 'number') out = clampNumber(param, out, rule.range, warn);
    if (rule.transform) out = rule.transform(out, request, warn, context);
    if (rule.compat !== undefined && out !== undefined) warn({ type: 'compat', param, detail: rule.compat });
    if (out !== undefined) setPath(body, rule.to ?? param, out);
  }
  return { body, warnings };
}

function clampNumber(param: string, value: number, [min, max]: readonly [number, number], warn: Warn): number {
  const clamped = Math.min(max, Math.max(min, value));
  if (clamped !== value) warn({ type: 'clamped', param, detail: `${value} is outside ${min}–${max}; sent ${clamped}` });
  return clamped;
}

/** Writes `value` at a dotted path, creating objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** A rule that renames a parameter, with a `compat` warning (lossless, but the report says so). */
export function renamedTo(to: string, why: string): ParamRule {
  return { to, compat: `sent as \`${to}\`: ${why}` };
}
