/** The simulated models a suite needs: one per `provider: simulated` candidate, named by its `model`. */
import { SimulateSchema, type CandidateConfig } from '../config/suite-schema.js';
import { UserInputError } from '../core/errors.js';
import type { SimulatedModelSpec } from './types.js';

export function toSimulatedModelSpecs(candidates: readonly CandidateConfig[]): SimulatedModelSpec[] {
  const specs = new Map<string, { spec: SimulatedModelSpec; candidateId: string }>();
  for (const candidate of candidates) {
    if (candidate.provider !== 'simulated') continue;
    const spec: SimulatedModelSpec = { name: candidate.model, simulate: candidate.simulate ?? SimulateSchema.parse({}), ...(candidate.infra ? { infra: candidate.infra } : {}) };
    const earlier = specs.get(candidate.model);
    // Two candidates may share a simulated model only if they describe it the same way.
    if (earlier && JSON.stringify(earlier.spec) !== JSON.stringify(spec)) {
      throw new UserInputError(`simulated candidates "${earlier.candidateId}" and "${candidate.id}" use the model name "${candidate.model}" with different simulate/infra settings`, {
        hint: 'Give each simulated candidate its own `model` name.',
      });
    }
    if (!earlier) specs.set(candidate.model, { spec, candidateId: candidate.id });
  }
  return [...specs.values()].map((entry) => entry.spec);
}
