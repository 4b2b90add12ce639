/**
 * Tiny SVG helpers for the HTML report's plots: scales, ticks, escaped text. Every string that
 * reaches the markup goes through `escapeHtml`.
 */
import { escapeHtml } from '../escape.js';

/** Colour-blind-safe palette (Tableau 10); candidates keep their colour across plots. */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function colourFor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

export type Scale = (value: number) => number;

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

export function logScale(domain: [number, number], range: [number, number]): Scale {
  const inner = linearScale([Math.log10(domain[0]), Math.log10(domain[1])], range);
  return (value) => inner(Math.log10(Math.max(value, domain[0])));
}

/** About `count` round tick values covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= raw) ?? raw;
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) ticks.push(Number(value.toPrecision(12)));
  return ticks;
}

/** Powers of ten (and their 2× and 5×) inside [min, max], for a log axis. */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let exponent = Math.floor(Math.log10(min)); exponent <= Math.ceil(Math.log10(max)); exponent += 1) {
    for (const factor of [1, 2, 5]) {
      const value = factor * 10 ** exponent;
      if (value >= min && value <= max) ticks.push(Number(value.toPrecision(12)));
    }
  }
  return ticks;
}

export function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${round(x)}" y="${round(y)}"${attributes ? ` ${attributes}` : ''}>${escapeHtml(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, attributes = ''): string {
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}"${attributes ? ` ${attributes}` : ''}/>`;
}

export function round(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '0';
}

export function svgOpen(width: number, height: number, label: string): string {
  return `<svg class="plot" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">`;
}

/** A horizontal axis with tick labels, at `y`, over the scale's range. */
export function xAxis(scale: Scale, ticks: number[], y: number, top: number, format: (value: number) => string): string {
  return ticks
    .map((tick) => {
      const x = scale(tick);
      return `${line(x, top, x, y, 'class="grid"')}${text(x, y + 14, format(tick), 'class="tick" text-anchor="middle"')}`;
    })
    .join('');
}

export function yAxis(scale: Scale, ticks: number[], x: number, right: number, format: (value: number) => string): string {
  return ticks
    .map((tick) => {
      const y = scale(tick);
      return `${line(x, y, right, y, 'class="grid"')}${text(x - 6, y + 4, format(tick), 'class="tick" text-anchor="end"')}`;
    })
    .join('');
}
