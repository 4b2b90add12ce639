import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocateSample, sampleLogs, writeSample } from '../../src/sampling/index.js';
import { caseLine, createTempDir, options, writeLog } from './helpers.js';

describe('allocateSample', () => {
  it('allocates proportionally, exactly n in total', () => {
    expect(allocateSample([600, 300, 100], 100, 'proportional', 0)).toEqual([60, 30, 10]);
    expect(allocateSample([500, 300, 200], 7, 'proportional', 0).reduce((a, b) => a + b)).toBe(7);
  });

  it('allocates equally, capped by what a stratum has', () => {
    expect(allocateSample([600, 300, 100], 99, 'equal', 0)).toEqual([33, 33, 33]);
    expect(allocateSample([600, 300, 10], 99, 'equal', 0)).toEqual([45, 44, 10]);
  });

  it('guarantees a minimum per stratum and takes the rest proportionally', () => {
    const counts = allocateSample([900, 95, 5], 100, 'proportional', 10);
    expect(counts[2]).toBe(5); // all it has
    expect(counts[1]).toBe(10);
    expect(counts.reduce((a, b) => a + b)).toBe(100);
  });

  it('returns everything when there are fewer cases than n', () => {
    expect(allocateSample([3, 2], 50, 'proportional', 0)).toEqual([3, 2]);
  });
});

describe('sampler statistics', () => {
  const dir = createTempDir();
  const uniform = writeLog(dir, 'uniform.jsonl', Array.from({ length: 40 }, (_, i) => caseLine(`c${i}`, `question ${i}`)));

  it('includes every line with probability n/N over many seeds', async () => {
    const hits = new Array<number>(40).fill(0);
    const seeds = 1500;
    for (let seed = 0; seed < seeds; seed += 1) {
      const result = await sampleLogs(options([uniform], { n: 8, seed: String(seed) }));
      for (const sampled of result.cases) hits[Number(sampled.id.slice(1))]! += 1;
    }
    // Expected 0.2; binomial sd over 1500 seeds ≈ 0.0103, so ±0.045 is > 4 sd.
    for (const count of hits) expect(Math.abs(count / seeds - 0.2)).toBeLessThan(0.045);
  });

  it('samples lines in proportion to their weight (A-Res)', async () => {
    const weighted = writeLog(dir, 'weighted.jsonl', [1, 2, 3, 4].map((weight, i) => caseLine(`w${i}`, `q${i}`, { weight })));
    const hits = [0, 0, 0, 0];
    const seeds = 3000;
    for (let seed = 0; seed < seeds; seed += 1) {
      const [sampled] = (await sampleLogs(options([weighted], { n: 1, seed: `s${seed}` }))).cases;
      hits[Number(sampled!.id.slice(1))]! += 1;
    }
    [0.1, 0.2, 0.3, 0.4].forEach((expected, i) => expect(Math.abs(hits[i]! / seeds - expected)).toBeLessThan(0.035));
  });

  it('keeps stratum proportions for every seed, and draws within strata uniformly', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => caseLine(`s${i}`, `q${i}`, { tags: [i % 4 === 0 ? 'rare' : 'common'] }));
    const stratified = writeLog(dir, 'stratified.jsonl', lines);
    let rareHits = 0;
    for (let seed = 0; seed < 300; seed += 1) {
      const result = await sampleLogs(options([stratified], { n: 20, seed: String(seed), stratifyBy: 'tags' }));
      expect(result.strata).toEqual({ common: { eligible: 150, sampled: 15 }, rare: { eligible: 50, sampled: 5 } });
      rareHits += result.cases.filter((sampled) => sampled.id === 's0').length;
    }
    expect(Math.abs(rareHits / 300 - 0.1)).toBeLessThan(0.06);
  });

  it('supports equal allocation, a minimum per stratum and tag:PREFIX strata', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => caseLine(`t${i}`, `q${i}`, { tags: [`tier:${i < 90 ? 'free' : 'pro'}`] }));
    const file = writeLog(dir, 'tiers.jsonl', lines);
    const equal = await sampleLogs(options([file], { n: 10, stratifyBy: 'tag:tier', allocation: 'equal' }));
    expect(equal.strata).toEqual({ free: { eligible: 90, sampled: 5 }, pro: { eligible: 10, sampled: 5 } });
    const minimum = await sampleLogs(options([file], { n: 10, stratifyBy: 'tag:tier', minPerStratum: 4 }));
    expect(minimum.strata.pro!.sampled).toBe(4);
    expect(minimum.cases).toHaveLength(10);
  });

  it('adds the stratum as a tag when stratifying by a field', async () => {
    const file = writeLog(dir, 'models.jsonl', [{ model: 'a', messages: [{ role: 'user', content: 'x' }] }, { model: 'b', messages: [{ role: 'user', content: 'y' }] }]);
    const result = await sampleLogs(options([file], { stratifyBy: 'model' }));
    expect(result.cases.map((sampled) => sampled.tags)).toEqual([['model:a'], ['model:b']]);
  });

  it('is deterministic for a seed, byte for byte, and differs across seeds', async () => {
    const out = join(dir, 'out');
    const write = async (seed: string, name: string) => {
      const sampleOptions = options([uniform], { n: 10, seed });
      await writeSample(join(out, name), sampleOptions, await sampleLogs(sampleOptions));
      return readFileSync(join(out, name), 'utf8');
    };
    expect(await write('7', 'a.jsonl')).toBe(await write('7', 'b.jsonl'));
    expect(await write('7', 'c.jsonl')).not.toBe(await write('8', 'd.jsonl'));
  });

  it('filters with --where and --since and counts what it dropped', async () => {
    const file = writeLog(dir, 'filter.jsonl', [
      { request: { model: 'gpt-4o', messages: [{ role: 'user', content: 'a' }] }, response: 'x', timestamp: '2024-05-01T00:00:00Z', metadata: { tier: 'pro' } },
      { request: { model: 'gpt-4o', messages: [{ role: 'user', content: 'b' }] }, response: 'x', timestamp: '2024-04-01T00:00:00Z', metadata: { tier: 'pro' } },
      { request: { model: 'mini', messages: [{ role: 'user', content: 'c' }] }, response: 'x', timestamp: '2024-05-02T00:00:00Z', metadata: { tier: 'free' } },
      { request: { model: 'gpt-4o', messages: [{ role: 'user', content: 'd' }] }, response: 'x', metadata: { tier: 'pro' } },
    ]);
    const result = await sampleLogs(options([file], { where: 'model == "gpt-4o" && metadata.tier == "pro"', since: Date.parse('2024-04-15') }));
    expect(result.cases.map((sampled) => sampled.request.messages[0]!.content)).toEqual(['a']);
    expect(result.counts).toMatchObject({ filtered_where: 1, filtered_since: 1, missing_timestamp: 1, eligible: 1 });
  });
});
