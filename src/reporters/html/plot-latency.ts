/** Latency distributions per candidate: box (p25–p75), whiskers (p5–p95), median, p99 dot. */
import { formatMs } from '../format.js';
import { line, linearScale, niceTicks, round, svgOpen, text, xAxis } from './svg.js';
import { percentileOfSorted } from '../../scoring/percentile.js';

export interface LatencyBox {
  id: string;
  colour: string;
  n: number;
  p5?: number;
  p25?: number;
  p50: number;
  p75?: number;
  p95: number;
  p99: number;
}

/**
 * The same percentile definition as the scorecards (scoring/percentile.ts), so the plot's p95 is
 * the p95 printed in the tables of the same report.
 */
export function quantileOf(sorted: number[], q: number): number {
  return sorted.length === 0 ? 0 : percentileOfSorted(sorted, q);
}

export function toLatencyBox(id: string, colour: string, sample: number[]): LatencyBox {
  const sorted = [...sample].sort((a, b) => a - b);
  return {
    id,
    colour,
    n: sorted.length,
    p5: quantileOf(sorted, 0.05),
    p25: quantileOf(sorted, 0.25),
    p50: quantileOf(sorted, 0.5),
    p75: quantileOf(sorted, 0.75),
    p95: quantileOf(sorted, 0.95),
    p99: quantileOf(sorted, 0.99),
  };
}

export function plotLatency(boxes: LatencyBox[]): string {
  const rowHeight = 44;
  const margin = { left: 120, right: 24, top: 12, bottom: 40 };
  const width = 560;
  const height = margin.top + margin.bottom + Math.max(1, boxes.length) * rowHeight;
  if (boxes.length === 0) return `${svgOpen(width, 60, 'no latency data')}${text(10, 30, 'No answered attempts: no latency to show.')}</svg>`;
  const max = Math.max(...boxes.map((box) => box.p99), 1) * 1.05;
  const x = linearScale([0, max], [margin.left, width - margin.right]);
  const parts = [svgOpen(width, height, 'latency distribution per candidate')];
  parts.push(xAxis(x, niceTicks(0, max), height - margin.bottom, margin.top, formatMs));
  parts.push(text((margin.left + width - margin.right) / 2, height - 8, 'latency of answered attempts (box p25–p75, whiskers p5–p95, dot p99)', 'class="axis-label" text-anchor="middle"'));
  boxes.forEach((box, index) => {
    const centre = margin.top + index * rowHeight + rowHeight / 2;
    parts.push(text(margin.left - 8, centre + 4, box.id, 'class="row-label" text-anchor="end"'));
    const low = box.p5 ?? box.p50;
    parts.push(line(x(low), centre, x(box.p95), centre, `stroke="${box.colour}" class="whisker"`));
    if (box.p25 !== undefined && box.p75 !== undefined) {
      parts.push(`<rect x="${round(x(box.p25))}" y="${round(centre - 9)}" width="${round(Math.max(1, x(box.p75) - x(box.p25)))}" height="18" fill="${box.colour}" fill-opacity="0.35" stroke="${box.colour}"/>`);
    }
    parts.push(line(x(box.p50), centre - 10, x(box.p50), centre + 10, `stroke="${box.colour}" stroke-width="3"`));
    parts.push(`<circle cx="${round(x(box.p99))}" cy="${round(centre)}" r="3" fill="${box.colour}"/>`);
    parts.push(text(margin.left + 2, centre - 13, `p50 ${formatMs(box.p50)} · p95 ${formatMs(box.p95)} · n=${box.n}`, 'class="note"'));
  });
  parts.push('</svg>');
  return parts.join('');
}
