/**
 * Chain availability from per-member availability (STATS.md "Chain availability").
 * Independent: A = 1 − Π(1 − a_i). Correlated (beta-factor model): members sharing a dependency d
 * (an `infra` tag value, the same model weights, the same vendor API) fail together with
 * probability q_d = β_d·min u_i; each member keeps an independent part u_i − Σ q_d. The chain is
 * down when every member is down; the common-cause events are enumerated exactly.
 * For two members and one dependency this is U = q + (1 − q)·((1 − β)u)² ≈ β·u + ((1 − β)·u)².
 */

export interface SharedDependency {
  /** Member indices sharing it. */
  members: number[];
  tag: string;
  value: string;
  beta: number;
}

export function independentAvailability(availabilities: readonly number[]): number {
  return 1 - availabilities.reduce((down, availability) => down * (1 - availability), 1);
}

/** Chain availability under the beta-factor model; at most 16 dependencies are enumerated. */
export function correlatedAvailability(availabilities: readonly number[], dependencies: readonly SharedDependency[]): number {
  const unavailable = availabilities.map((availability) => 1 - availability);
  const used = dependencies.slice(0, 16);
  const eventProbability = used.map((dependency) => dependency.beta * Math.min(...dependency.members.map((member) => unavailable[member]!)));
  const independentPart = unavailable.map((u, member) => {
    const common = used.reduce((sum, dependency, index) => sum + (dependency.members.includes(member) ? eventProbability[index]! : 0), 0);
    return Math.max(0, u - common);
  });
  let chainDown = 0;
  for (let subset = 0; subset < 1 << used.length; subset += 1) {
    let probability = 1;
    const covered = new Set<number>();
    used.forEach((dependency, index) => {
      if (subset & (1 << index)) {
        probability *= eventProbability[index]!;
        for (const member of dependency.members) covered.add(member);
      } else {
        probability *= 1 - eventProbability[index]!;
      }
    });
    if (probability === 0) continue;
    for (let member = 0; member < unavailable.length; member += 1) {
      if (!covered.has(member)) probability *= independentPart[member]!;
    }
    chainDown += probability;
  }
  return 1 - chainDown;
}

/** Two members, one shared dependency: 1 − (β·u + ((1 − β)·u)²), the STATS.md approximation. */
export function betaFactorAvailability(u: number, beta: number): number {
  return 1 - (beta * u + ((1 - beta) * u) ** 2);
}
