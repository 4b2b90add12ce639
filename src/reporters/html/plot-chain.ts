/**
 * The chain's predictions, proposed against baseline: predicted success, failed requests per 10k
 * (availability read as something a person can picture), and latency percentiles.
 */
import type { ChainPrediction } from '../../scoring/types.js';
import { formatMs } from '../format.js';
import { linearScale, round, svgOpen, text } from './svg.js';

interface Bar {
  label: string;
  value: number;
  display: string;
  colour: string;
}

const PROPOSED = '#4e79a7';
const BASELINE = '#bab0ac';

export function plotChainPrediction(proposed: ChainPrediction | undefined, baseline: ChainPrediction | undefined): string {
  const width = 560;
  if (!proposed && !baseline) return `${svgOpen(width, 60, 'no chain prediction')}${text(10, 30, 'No chain prediction in this run (no candidate qualified).')}</svg>`;
  const both = [proposed, baseline].filter((prediction): prediction is ChainPrediction => prediction !== undefined);
  const bars = (pick: (prediction: ChainPrediction) => number, show: (value: number) => string): Bar[] => [
    ...(proposed ? [{ label: 'proposed', value: pick(proposed), display: show(pick(proposed)), colour: PROPOSED }] : []),
    ...(baseline ? [{ label: 'baseline', value: pick(baseline), display: show(pick(baseline)), colour: BASELINE }] : []),
  ];
  const panels: Array<{ title: string; bars: Bar[]; max: number }> = [
    { title: 'predicted success rate', bars: bars((p) => p.success_rate, (v) => `${(v * 100).toFixed(1)}%`), max: 1 },
    {
      title: 'requests with no answer per 10k (1 − availability)',
      bars: bars((p) => (1 - p.availability) * 10_000, (v) => v.toFixed(1)),
      max: Math.max(...both.map((p) => (1 - p.availability) * 10_000), 0.1) * 1.2,
    },
  ];
  for (const percentile of ['p50', 'p95', 'p99'] as const) {
    panels.push({ title: `latency ${percentile}`, bars: bars((p) => p.latency_ms[percentile], formatMs), max: Math.max(...both.map((p) => p.latency_ms.p99), 1) * 1.1 });
  }
  const barHeight = 14;
  const panelHeight = 26 + 2 * (barHeight + 4);
  const left = 90;
  const right = 90;
  const height = panels.length * panelHeight + 24;
  const parts = [svgOpen(width, height, 'predicted chain success, availability and latency')];
  panels.forEach((panel, index) => {
    const top = 8 + index * panelHeight;
    parts.push(text(left, top + 12, panel.title, 'class="panel-title"'));
    const x = linearScale([0, panel.max], [left, width - right]);
    panel.bars.forEach((bar, barIndex) => {
      const y = top + 18 + barIndex * (barHeight + 4);
      parts.push(text(left - 6, y + barHeight - 3, bar.label, 'class="row-label" text-anchor="end"'));
      parts.push(`<rect x="${left}" y="${round(y)}" width="${round(Math.max(1, x(bar.value) - left))}" height="${barHeight}" fill="${bar.colour}"/>`);
      parts.push(text(x(bar.value) + 6, y + barHeight - 3, bar.display, 'class="note"'));
    });
  });
  const members = (prediction: ChainPrediction | undefined) => (prediction ? prediction.members.join(' → ') : '–');
  parts.push(text(left, height - 6, `proposed: ${members(proposed)}   baseline: ${members(baseline)}`, 'class="legend"'));
  parts.push('</svg>');
  return parts.join('');
}
