/**
 * Writes the sampled dataset (one case a line) and its sidecar `x.meta.json` (parameters, inputs,
 * counts per stratum, duplicates removed, placeholders inserted). Both are written to a temporary
 * file and renamed, so a crash never leaves half a dataset.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import type { SampleOptions } from './types.js';
import type { SampleResult } from './sample-logs.js';

export function toMetaPath(out: string): string {
  return `${out.replace(/\.jsonl(?:\.gz)?$|\.json$/i, '')}.meta.json`;
}

export function buildMeta(options: SampleOptions, result: SampleResult): Record<string, unknown> {
  return {
    version: 1,
    kind: 'chainproof-sample',
    parameters: {
      n: options.n,
      seed: options.seed,
      stratify_by: options.stratifyBy ?? null,
      allocation: options.allocation,
      min_per_stratum: options.minPerStratum,
      since: options.since !== undefined ? new Date(options.since).toISOString() : null,
      where: options.where ?? null,
      dedupe: options.dedupe ?? null,
      scrub_pii: options.scrubPii,
      format: options.format ?? 'auto',
      sampler: options.dedupe ? 'A-Res over distinct prompts (first occurrence), weight = total weight of its duplicates' : 'A-Res (weighted reservoir, weights from the lines)',
    },
    inputs: result.inputs,
    counts: result.counts,
    strata: result.strata,
    placeholders: options.scrubPii ? result.placeholders : null,
    conversions: result.conversions,
    warnings: result.warnings,
  };
}

async function writeAtomically(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function writeSample(out: string, options: SampleOptions, result: SampleResult): Promise<{ metaPath: string }> {
  await mkdir(dirname(out), { recursive: true });
  await writeAtomically(out, async (temporary) => {
    const stream = createWriteStream(temporary);
    for (const sampled of result.cases) {
      if (!stream.write(`${JSON.stringify(sampled)}\n`)) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
  });
  const metaPath = toMetaPath(out);
  await writeAtomically(metaPath, (temporary) => writeFile(temporary, `${JSON.stringify(buildMeta(options, result), null, 2)}\n`));
  return { metaPath };
}
