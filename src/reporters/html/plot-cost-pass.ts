/** Cost per 1k requests against pass rate, with 95% intervals and the Pareto frontier. */
import type { Scorecard } from '../../scoring/types.js';
import { formatUsd } from '../format.js';
import { line, linearScale, logScale, logTicks, niceTicks, round, svgOpen, text, xAxis, yAxis } from './svg.js';

export interface CostPassPoint {
  id: string;
  cost: number;
  pass: number;
  low: number;
  high: number;
  colour: string;
  inChain: boolean;
}

/** Points no other point beats on both axes (cheaper or equal AND passing more or equal), by cost. */
export function findParetoFrontier<T extends { cost: number; pass: number }>(points: T[]): T[] {
  const sorted = [...points].sort((a, b) => a.cost - b.cost || b.pass - a.pass);
  const frontier: T[] = [];
  let best = -Infinity;
  for (const point of sorted) {
    if (point.pass > best) {
      frontier.push(point);
      best = point.pass;
    }
  }
  return frontier;
}

export function toCostPassPoints(cards: Scorecard[], colours: Map<string, string>, chain: string[]): CostPassPoint[] {
  return cards.map((card) => ({
    id: card.candidate_id,
    cost: card.cost_per_1k_requests_usd,
    pass: card.pass.rate,
    low: card.pass.interval.low,
    high: card.pass.interval.high,
    colour: colours.get(card.candidate_id) ?? '#888',
    inChain: chain.includes(card.candidate_id),
  }));
}

/**
 * `frontierIds` is the run's own Pareto frontier (summary.pareto_frontier, the one the ranking
 * used); records written without it fall back to the frontier of the plotted points.
 */
export function plotCostVsPass(points: CostPassPoint[], frontierIds?: readonly string[]): string {
  const width = 560;
  const height = 340;
  const margin = { left: 56, right: 24, top: 30, bottom: 44 };
  if (points.length === 0) return `${svgOpen(width, 60, 'no data')}${text(10, 30, 'No scorecards in this run.')}</svg>`;
  const positive = points.map((point) => point.cost).filter((cost) => cost > 0);
  const minCost = Math.min(...positive, Infinity);
  const maxCost = Math.max(...points.map((point) => point.cost), 0);
  const useLog = positive.length === points.length && maxCost / minCost > 20;
  const xDomain: [number, number] = useLog ? [minCost / 1.6, maxCost * 1.6] : [0, maxCost > 0 ? maxCost * 1.15 : 1];
  const x = (useLog ? logScale : linearScale)(xDomain, [margin.left, width - margin.right]);
  const lowest = Math.min(...points.map((point) => point.low));
  const yDomain: [number, number] = [Math.max(0, Math.floor(lowest * 10) / 10 - 0.05), 1];
  const y = linearScale(yDomain, [height - margin.bottom, margin.top]);
  const xTicks = useLog ? logTicks(xDomain[0], xDomain[1]) : niceTicks(xDomain[0], xDomain[1]);
  const parts: string[] = [svgOpen(width, height, 'cost per 1k requests against pass rate')];
  parts.push(xAxis(x, xTicks, height - margin.bottom, margin.top, (value) => formatUsd(value)));
  parts.push(yAxis(y, niceTicks(yDomain[0], yDomain[1]), margin.left, width - margin.right, (value) => `${Math.round(value * 100)}%`));
  parts.push(text((margin.left + width - margin.right) / 2, height - 8, `cost per 1k requests (USD${useLog ? ', log scale' : ''})`, 'class="axis-label" text-anchor="middle"'));
  parts.push(text(14, (margin.top + height - margin.bottom) / 2, 'pass rate', `class="axis-label" text-anchor="middle" transform="rotate(-90 14 ${round((margin.top + height - margin.bottom) / 2)})"`));

  const frontier = frontierIds
    ? points.filter((point) => frontierIds.includes(point.id)).sort((a, b) => a.cost - b.cost)
    : findParetoFrontier(points);
  if (frontier.length > 1) {
    const path = frontier.map((point, index) => `${index === 0 ? 'M' : 'L'}${round(x(point.cost))},${round(y(point.pass))}`).join(' ');
    parts.push(`<path class="frontier" d="${path}"/>`);
  }
  const labels = placeLabels(points.map((point) => ({ id: point.id, x: x(point.cost) + 9, y: y(point.pass) - 6 })));
  for (const point of points) {
    const cx = x(point.cost);
    parts.push(line(cx, y(point.low), cx, y(point.high), `stroke="${point.colour}" class="whisker"`));
    const fill = point.inChain ? point.colour : '#fff';
    parts.push(`<circle class="point" cx="${round(cx)}" cy="${round(y(point.pass))}" r="6" fill="${fill}" stroke="${point.colour}" stroke-width="2"><title>${escapeTitle(point)}</title></circle>`);
    const label = labels.get(point.id)!;
    parts.push(text(label.x, label.y, point.id, 'class="point-label"'));
  }
  parts.push(text(margin.left, 14, '- - - Pareto frontier (nothing cheaper passes more)    ● in chain    ○ not in chain    | 95% interval', 'class="legend"'));
  parts.push('</svg>');
  return parts.join('');
}

/** Moves labels down until none overlaps another (greedy, top to bottom): points often crowd. */
function placeLabels(labels: Array<{ id: string; x: number; y: number }>): Map<string, { x: number; y: number }> {
  const placed: Array<{ x: number; y: number; width: number }> = [];
  const out = new Map<string, { x: number; y: number }>();
  for (const label of [...labels].sort((a, b) => a.y - b.y)) {
    const width = label.id.length * 6.5;
    let y = label.y;
    while (placed.some((other) => Math.abs(other.y - y) < 12 && label.x < other.x + other.width && other.x < label.x + width)) y += 12;
    placed.push({ x: label.x, y, width });
    out.set(label.id, { x: label.x, y });
  }
  return out;
}

function escapeTitle(point: CostPassPoint): string {
  const label = `${point.id}: ${(point.pass * 100).toFixed(1)}% (${(point.low * 100).toFixed(1)}–${(point.high * 100).toFixed(1)}%), ${formatUsd(point.cost)} per 1k`;
  return label.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
