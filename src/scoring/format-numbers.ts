/** Numbers in the words of a reason: "4.5%", "−2.1 points", "1,240". */

export function formatPercent(rate: number, digits = 1): string {
  return `${(rate * 100).toFixed(digits)}%`;
}

export function formatPoints(difference: number, digits = 1): string {
  const value = difference * 100;
  const text = Math.abs(value).toFixed(digits);
  return `${value < 0 && Number(text) !== 0 ? '−' : value > 0 && Number(text) !== 0 ? '+' : ''}${text} points`;
}

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

export function formatPValue(p: number): string {
  if (p < 0.001) return '< 0.001';
  return p.toFixed(p < 0.01 ? 3 : 2);
}

export function formatMs(value: number): string {
  return `${formatCount(value)} ms`;
}

export function formatUsd(value: number): string {
  return `$${value < 1 ? value.toFixed(4) : value.toFixed(2)}`;
}
