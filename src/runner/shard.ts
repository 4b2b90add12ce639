/**
 * Shards: `--shard I/N` (1-based, as CI matrices count) keeps the cases whose id hashes to I.
 * By id, not by position, so a shard holds the same cases however the dataset is read or resumed.
 */
import { createHash } from 'node:crypto';
import { UserInputError } from '../core/errors.js';

export interface ShardSpec {
  index: number;
  count: number;
}

export function selectShard(caseId: string, index: number, count: number): boolean {
  if (count <= 1) return true;
  const bucket = createHash('sha256').update(caseId).digest().readUInt32BE(0) % count;
  return bucket === index - 1;
}

export function parseShardSpec(text: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UserInputError(`--shard must be I/N with 1 ≤ I ≤ N, got "${text}"`, { hint: 'For example --shard 2/4 runs the second of four shards.' });
  }
  return { index, count };
}

export async function* filterShard<T extends { id: string }>(cases: AsyncIterable<T> | Iterable<T>, shard: ShardSpec): AsyncIterable<T> {
  for await (const item of cases) {
    if (selectShard(item.id, shard.index, shard.count)) yield item;
  }
}
