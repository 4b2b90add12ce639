/**
 * The scenario file: scripted models for `chainproof sim`, faults on a schedule, and outage
 * windows for one model or every model sharing an infra tag (correlated failures).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SIMULATED_FAULTS, SimulateSchema } from '../config/suite-schema.js';
import { validateSource } from '../config/validate-source.js';
import { parseYamlSource } from '../config/yaml-source.js';
import { UserInputError } from '../core/errors.js';

const targetFields = {
  model: z.string().min(1).optional().describe('Model name; omit (with infra) to target every model'),
  infra: z.record(z.string(), z.string()).optional().describe('Every model whose infra tags include all of these'),
};

export const OutageSchema = z
  .strictObject({
    ...targetFields,
    start_ms: z.number().nonnegative().describe('Milliseconds after the simulator started'),
    end_ms: z.number().positive(),
    fault: z.enum(SIMULATED_FAULTS).default('unavailable').describe('What every request in the window gets'),
  })
  .refine((outage) => outage.end_ms > outage.start_ms, { message: 'end_ms must be after start_ms', path: ['end_ms'] });

export const ScheduledFaultSchema = z.strictObject({
  ...targetFields,
  fault: z.enum(SIMULATED_FAULTS),
  start_ms: z.number().nonnegative().optional(),
  end_ms: z.number().positive().optional(),
  requests: z.array(z.number().int().positive()).optional().describe('1-based ordinals of requests to the model that get the fault'),
  every: z.number().int().positive().optional().describe('Every Nth request to the model'),
  rate: z.number().min(0).max(1).default(1).describe('Share of matching requests that get the fault'),
});

export const ScenarioModelSchema = z.strictObject({
  name: z.string().min(1),
  infra: z.record(z.string(), z.string()).optional(),
  simulate: SimulateSchema.default(SimulateSchema.parse({})),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  seed: z.number().int().optional(),
  models: z.array(ScenarioModelSchema).optional().describe('Models served by `chainproof sim` (default: the built-in set)'),
  outages: z.array(OutageSchema).default([]),
  faults: z.array(ScheduledFaultSchema).default([]),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type Outage = z.infer<typeof OutageSchema>;
export type ScheduledFault = z.infer<typeof ScheduledFaultSchema>;

/** Validates an already parsed scenario (from a suite or a test). */
export function parseScenario(value: unknown, file = '<scenario>'): Scenario {
  const result = ScenarioSchema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new UserInputError(issue.message, {
    location: { file, path: formatPath(issue.path) },
    hint: 'See docs/simulator.md for the scenario format.',
  });
}

/** Reads a YAML or JSON scenario file; errors name the file, line and field. */
export async function loadScenarioFile(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserInputError(`cannot read scenario file: ${(error as Error).message}`, { location: { file } });
  }
  return validateSource(parseYamlSource(text, file), ScenarioSchema, 'scenario', 'See docs/simulator.md for the scenario format.');
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index > 0 ? '.' : ''}${String(segment)}`)).join('');
}
