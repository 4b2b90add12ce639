/**
 * Turns zod issues into messages a person can act on: the field path in the user's notation
 * (`candidates[2].simulate.quality`), and for unknown keys the closest known key.
 */
import type { z } from 'zod';
import { suggestClosest } from './did-you-mean.js';

export type PathSegment = string | number;

export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out || '(top level)';
}

export interface ReadableIssue {
  /** Path of the offending value (for an unknown key: the key itself). */
  path: PathSegment[];
  message: string;
  hint?: string;
}

/** Flattens one zod issue; unknown keys become one issue per key, each with a suggestion. */
export function toReadableIssues(issue: z.core.$ZodIssue, schema: z.ZodType): ReadableIssue[] {
  const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, path);
    return issue.keys.map((key) => {
      const suggestion = suggestClosest(key, known);
      return {
        path: [...path, key],
        message: `unknown key "${key}"`,
        hint: suggestion
          ? `Did you mean "${suggestion}"?`
          : known.length > 0
            ? `Known keys here: ${known.join(', ')}.`
            : undefined,
      };
    });
  }
  if (issue.code === 'invalid_union') {
    return [{ path, message: 'does not match any of the accepted shapes' }];
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const received = valueAt(issue);
    const suggestion = typeof received === 'string' ? suggestClosest(received, issue.values.map(String)) : undefined;
    return [
      {
        path,
        message: `${issue.message}`,
        hint: suggestion ? `Did you mean "${suggestion}"?` : undefined,
      },
    ];
  }
  return [{ path, message: issue.message }];
}

function valueAt(issue: z.core.$ZodIssue): unknown {
  return (issue as { input?: unknown }).input;
}

interface ZodInternals {
  _zod: { def: Record<string, unknown> & { type: string } };
}

/** The keys a strict object accepts at `path`, walking through arrays, optionals and unions. */
export function knownKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let nodes: ZodInternals[] = [schema as unknown as ZodInternals];
  for (const segment of path) {
    nodes = nodes.flatMap((node) => childrenFor(unwrap(node), segment));
  }
  const keys = new Set<string>();
  for (const node of nodes.map(unwrap)) {
    const def = node._zod.def;
    if (def.type === 'object') for (const key of Object.keys(def.shape as object)) keys.add(key);
    if (def.type === 'union') {
      for (const option of def.options as ZodInternals[]) {
        const inner = unwrap(option)._zod.def;
        if (inner.type === 'object') for (const key of Object.keys(inner.shape as object)) keys.add(key);
      }
    }
  }
  return [...keys];
}

function unwrap(node: ZodInternals): ZodInternals {
  let current = node;
  for (let depth = 0; depth < 20; depth++) {
    const def = current._zod.def;
    if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type)) {
      current = def.innerType as ZodInternals;
    } else if (def.type === 'pipe') {
      current = def.in as ZodInternals;
    } else {
      break;
    }
  }
  return current;
}

function childrenFor(node: ZodInternals, segment: PathSegment): ZodInternals[] {
  const def = node._zod.def;
  switch (def.type) {
    case 'object': {
      const child = (def.shape as Record<string, ZodInternals>)[String(segment)];
      return child ? [child] : [];
    }
    case 'array':
      return [def.element as ZodInternals];
    case 'record':
      return [def.valueType as ZodInternals];
    case 'union':
      return (def.options as ZodInternals[]).flatMap((option) => childrenFor(unwrap(option), segment));
    default:
      return [];
  }
}
