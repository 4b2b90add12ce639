/** Pass rate per tag, per candidate, with 95% intervals: where a fallback is weak. */
import type { Scorecard } from '../../scoring/types.js';
import { line, linearScale, niceTicks, round, svgOpen, text, xAxis } from './svg.js';

const MAX_TAGS = 12;

/** The tags with the most evidence, so the plot stays readable on suites with many tags. */
export function pickTags(cards: Scorecard[]): string[] {
  const totals = new Map<string, number>();
  for (const card of cards) {
    for (const [tag, estimate] of Object.entries(card.pass_by_tag)) totals.set(tag, (totals.get(tag) ?? 0) + estimate.n);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_TAGS)
    .map(([tag]) => tag)
    .sort((a, b) => a.localeCompare(b));
}

export function plotPassByTag(cards: Scorecard[], colours: Map<string, string>): string {
  const tags = pickTags(cards);
  const width = 560;
  const margin = { left: 110, right: 24, top: 30, bottom: 40 };
  const laneHeight = 9;
  const groupHeight = Math.max(24, cards.length * laneHeight + 10);
  const height = margin.top + margin.bottom + Math.max(1, tags.length) * groupHeight;
  if (tags.length === 0) return `${svgOpen(width, 60, 'no tags')}${text(10, 30, 'No tagged cases in this run.')}</svg>`;
  const x = linearScale([0, 1], [margin.left, width - margin.right]);
  const parts = [svgOpen(width, height, 'pass rate per tag with 95% intervals')];
  parts.push(xAxis(x, niceTicks(0, 1), height - margin.bottom, margin.top, (value) => `${Math.round(value * 100)}%`));
  parts.push(text((margin.left + width - margin.right) / 2, height - 8, 'pass rate per tag (dot) with 95% interval (line)', 'class="axis-label" text-anchor="middle"'));
  let legendX = margin.left;
  for (const card of cards) {
    parts.push(`<circle cx="${round(legendX + 4)}" cy="14" r="4" fill="${colours.get(card.candidate_id) ?? '#888'}"/>`);
    parts.push(text(legendX + 12, 18, card.candidate_id, 'class="legend"'));
    legendX += 24 + card.candidate_id.length * 6;
  }
  tags.forEach((tag, tagIndex) => {
    const top = margin.top + tagIndex * groupHeight;
    if (tagIndex % 2 === 0) parts.push(`<rect x="${margin.left}" y="${top}" width="${width - margin.left - margin.right}" height="${groupHeight}" class="band"/>`);
    parts.push(text(margin.left - 8, top + groupHeight / 2 + 4, tag, 'class="row-label" text-anchor="end"'));
    cards.forEach((card, cardIndex) => {
      const estimate = card.pass_by_tag[tag];
      if (!estimate || estimate.n === 0) return;
      const colour = colours.get(card.candidate_id) ?? '#888';
      const cy = top + 5 + cardIndex * laneHeight + laneHeight / 2;
      parts.push(line(x(estimate.interval.low), cy, x(estimate.interval.high), cy, `stroke="${colour}" class="whisker"`));
      parts.push(`<circle cx="${round(x(estimate.rate))}" cy="${round(cy)}" r="3.5" fill="${colour}"><title>${escapeTitle(`${card.candidate_id} on ${tag}: ${estimate.k}/${estimate.n}`)}</title></circle>`);
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

function escapeTitle(label: string): string {
  return label.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
