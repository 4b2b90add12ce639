import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/reporters/html.js';
import { plotCostVsPass, findParetoFrontier } from '../../src/reporters/html/plot-cost-pass.js';
import { quantileOf } from '../../src/reporters/html/plot-latency.js';
import { niceTicks } from '../../src/reporters/html/svg.js';
import { toScriptJson } from '../../src/reporters/escape.js';
import { cloneRecord, DEMO_RUN, loadRun } from '../helpers/run-fixtures.js';

const { record, attempts } = await loadRun(DEMO_RUN);

describe('renderHtml', () => {
  it('is one self-contained page: no external reference, CSP without network', async () => {
    const html = await renderHtml(record, attempts);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain(`content="default-src 'none'`);
    expect(html.match(/<svg class="plot"/g)).toHaveLength(4);
  });

  it('allows exactly its own script by hash', async () => {
    const html = await renderHtml(record, attempts);
    const scripts = [...html.matchAll(/<script(?: [^>]*)?>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(2);
    const executable = scripts.find((match) => match[0].startsWith('<script>'))!;
    const hash = createHash('sha256').update(executable[1]!, 'utf8').digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
  });

  it('keeps model output out of the markup: it is only in the JSON data block, with < escaped', async () => {
    const html = await renderHtml(record, attempts);
    const data = html.match(/<script type="application\/json" id="chainproof-data">([\s\S]*?)<\/script>/)![1]!;
    expect(data).not.toContain('<');
    const parsed = JSON.parse(data) as { attempts: Array<{ output: string; candidate: string; case: string }> };
    expect(parsed.attempts).toHaveLength(300);
    expect(parsed.attempts.find((row) => row.candidate === 'mistral-small' && row.case === 't-0008')!.output).toContain('<script>window.__pwned');
    const outside = html.replace(data, '');
    expect(outside).not.toContain('__pwned');
  });

  it('escapes tags and candidate names in the plots and tables', async () => {
    const hostile = cloneRecord(record);
    const card = hostile.summary.scorecards[0]!;
    card.pass_by_tag['<img src=x onerror=alert(1)>'] = { k: 1, n: 2, rate: 0.5, interval: { low: 0.1, high: 0.9 } };
    hostile.summary.warnings.push('<script>alert(1)</script>');
    const html = await renderHtml(hostile, attempts);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('labels a simulated run in the title and a banner', async () => {
    const html = await renderHtml(record, attempts);
    expect(html).toContain('<title>[SIMULATED]');
    expect(html).toContain('class="banner simulated"');
    const real = cloneRecord(record);
    real.simulated = false;
    expect(await renderHtml(real, attempts)).not.toContain('SIMULATED');
  });

  it('draws latency from the scorecards when the attempts are not at hand', async () => {
    const html = await renderHtml(record);
    expect(html).toContain('p50 1258 ms · p95 2288 ms · n=59');
  });
});

describe('plot helpers', () => {
  it('finds the Pareto frontier: nothing cheaper passes more', () => {
    const points = [
      { id: 'a', cost: 3, pass: 0.92 },
      { id: 'b', cost: 2.4, pass: 0.93 },
      { id: 'c', cost: 0.25, pass: 0.88 },
      { id: 'd', cost: 0.08, pass: 0.8 },
      { id: 'e', cost: 0.34, pass: 0.78 },
    ];
    expect(findParetoFrontier(points).map((point) => point.id)).toEqual(['d', 'c', 'b']);
  });

  it('draws the run\'s own Pareto frontier when the record has one', () => {
    const point = (id: string, cost: number, pass: number) => ({ id, cost, pass, low: pass - 0.05, high: pass + 0.02, colour: '#123456', inChain: false });
    const points = [point('cheap', 0.1, 0.7), point('mid', 0.5, 0.9), point('dear', 2, 0.95)];
    const path = (svg: string) => /<path class="frontier" d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(path(plotCostVsPass(points)).split(/[ML]/).filter(Boolean)).toHaveLength(3);
    expect(path(plotCostVsPass(points, ['cheap', 'dear'])).split(/[ML]/).filter(Boolean)).toHaveLength(2);
  });

  it('takes the scorecards\' quantiles (interpolated, type 7) and round ticks', () => {
    expect(quantileOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBeCloseTo(9.55, 10);
    expect(quantileOf([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOf([], 0.5)).toBe(0);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('serialises JSON that cannot close a script element', () => {
    const text = toScriptJson({ a: '</script><!-- & \u2028' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ a: '</script><!-- & \u2028' });
  });
});
