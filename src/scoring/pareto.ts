/**
 * Pareto frontier of cost (per 1,000 requests) vs pass rate: nobody on it is both dearer and worse.
 * The pass rate here is per request (passing answers / requests): a model that errors often bills
 * little and answers well when it answers, and must not look like it dominates a reliable one.
 */
import type { Scorecard } from './types.js';

/** Passing answers per request sent. */
export function passPerRequest(card: Scorecard): number {
  return card.attempts > 0 ? card.pass.k / card.attempts : 0;
}

/** True when `better` is at least as good on both axes and strictly better on one. */
export function dominates(better: Scorecard, worse: Scorecard): boolean {
  // An unpriced candidate's $0 is not a price: neither can be shown cheaper, so neither dominates.
  if (better.cost_unknown || worse.cost_unknown) return false;
  const betterPass = passPerRequest(better);
  const worsePass = passPerRequest(worse);
  const passAtLeast = betterPass >= worsePass;
  const costAtMost = better.cost_per_1k_requests_usd <= worse.cost_per_1k_requests_usd;
  const strictly = betterPass > worsePass || better.cost_per_1k_requests_usd < worse.cost_per_1k_requests_usd;
  return passAtLeast && costAtMost && strictly;
}

/** Ids on the frontier, cheapest first. */
export function paretoFrontier(cards: readonly Scorecard[]): string[] {
  return cards
    .filter((card) => !cards.some((other) => other !== card && dominates(other, card)))
    .sort((left, right) => left.cost_per_1k_requests_usd - right.cost_per_1k_requests_usd)
    .map((card) => card.candidate_id);
}

/**
 * Moves any candidate that dominates one ranked ahead of it to just before it, so a dominated
 * candidate never leads the one that dominates it. Domination is a strict partial order, so this
 * ends.
 */
export function enforceDominanceOrder(cards: Scorecard[]): Scorecard[] {
  const order = [...cards];
  let moved = true;
  while (moved) {
    moved = false;
    outer: for (let ahead = 0; ahead < order.length; ahead += 1) {
      for (let behind = ahead + 1; behind < order.length; behind += 1) {
        if (dominates(order[behind]!, order[ahead]!)) {
          const [card] = order.splice(behind, 1);
          order.splice(ahead, 0, card!);
          moved = true;
          break outer;
        }
      }
    }
  }
  return order;
}

export function findDominator(card: Scorecard, cards: readonly Scorecard[]): Scorecard | undefined {
  return cards.find((other) => other !== card && dominates(other, card));
}
