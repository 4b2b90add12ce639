/**
 * The cases of a run: every dataset of the suite checked line by line before anything is called
 * (a bad line stops the run with exit 2), sampled and limited, then streamed again for the run so
 * memory holds ids, not cases.
 */
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserInputError } from '../core/errors.js';
import { createSeededRandom } from '../core/random.js';
import type { Case } from '../core/types.js';
import type { LoadedSuite } from './load-suite.js';
import { readDataset, type InvalidLine } from './read-dataset.js';
import { locatePath, parseYamlSource } from './yaml-source.js';

export interface DatasetSummary {
  path: string;
  digest: string;
  /** Valid cases in the file. */
  cases: number;
  /** Cases this run uses from it. */
  selected: number;
}

export interface CaseSource {
  datasets: DatasetSummary[];
  /** Cases this run replays (after sampling, --limit and --shard). */
  count: number;
  /** Digest of the selected cases' ids and requests, in order: runs compare only when it matches. */
  casesDigest: string;
  /** The same before `select` (the shard): every shard of one run shares them. */
  unselected: { count: number; casesDigest: string };
  invalid: InvalidLine[];
  /** Streams the selected cases, in dataset order. */
  open(): AsyncIterable<Case>;
}

export interface CaseSourceOptions {
  limit?: number;
  /** Keeps a case (the runner's shard selection). */
  select?: (caseId: string) => boolean;
  skipInvalid?: boolean;
}

interface Selected {
  index: number;
  hash: string;
}

export async function openCaseSource(loaded: LoadedSuite, options: CaseSourceOptions = {}): Promise<CaseSource> {
  const datasets: DatasetSummary[] = [];
  const invalid: InvalidLine[] = [];
  // The selected cases by position (valid cases in suite order) and a fingerprint of each id: the
  // run streams the datasets again and keeps these. Eight bytes a case, where a Set of ids cost
  // ~80 and, being live through the whole run, raised every major GC's heap limit with it.
  const positions: number[] = [];
  const fingerprints: number[] = [];
  const seen = new Map<string, string>(); // case id → dataset:line, for duplicate detection
  const digest = createHash('sha256');
  const unselectedDigest = createHash('sha256');
  let unselectedCount = 0;
  let order = 0;

  for (const [datasetIndex, reference] of loaded.suite.datasets.entries()) {
    const absolute = path.resolve(loaded.baseDir, reference.path);
    const display = path.relative(process.cwd(), absolute) || absolute;
    await assertDatasetExists(loaded, datasetIndex, absolute);
    const fileDigest = createHash('sha256');
    const reservoir: Array<{ id: string } & Selected> = [];
    const sample = reference.sample;
    const random = sample ? createSeededRandom(`${sample.seed}:${reference.path}`) : undefined;
    let count = 0;

    for await (const item of readDataset(absolute, display, { skipInvalid: options.skipInvalid, onInvalid: (problem) => invalid.push(problem) })) {
      const previous = seen.get(item.id);
      if (previous !== undefined) {
        throw new UserInputError(`duplicate case id "${item.id}" (first seen at ${previous})`, {
          location: { file: display, line: item.source?.line },
          hint: 'Case ids must be unique across the suite: attempts, resumes and comparisons are keyed by them.',
        });
      }
      seen.set(item.id, `${display}:${item.source?.line}`);
      const hash = hashCase(item);
      fileDigest.update(hash);
      const entry = { id: item.id, index: order++, hash };
      count += 1;
      if (!sample) {
        reservoir.push(entry);
      } else if (reservoir.length < sample.n) {
        reservoir.push(entry);
      } else {
        // Algorithm R: the k-th item replaces a random slot with probability n/k.
        const slot = Math.floor(random!() * count);
        if (slot < sample.n) reservoir[slot] = entry;
      }
    }
    reservoir.sort((left, right) => left.index - right.index);
    let selected = 0;
    for (const entry of reservoir) {
      // --limit takes the first N cases of the run, and --shard splits those: the shards of a
      // limited run add up to the limited run.
      if (options.limit !== undefined && unselectedCount >= options.limit) break;
      unselectedCount += 1;
      unselectedDigest.update(entry.hash);
      if (options.select && !options.select(entry.id)) continue;
      positions.push(entry.index);
      fingerprints.push(fingerprintId(entry.id));
      digest.update(entry.hash);
      selected += 1;
    }
    datasets.push({ path: reference.path, digest: fileDigest.digest('hex'), cases: count, selected });
  }

  if (positions.length === 0) {
    throw new UserInputError('the suite selects no cases', {
      location: { file: loaded.file },
      hint: 'Check the datasets paths, their sample sizes, --limit and --shard.',
    });
  }

  const selection = { positions: Uint32Array.from(positions), fingerprints: Int32Array.from(fingerprints) };
  positions.length = 0;
  fingerprints.length = 0;
  return {
    datasets,
    count: selection.positions.length,
    casesDigest: digest.digest('hex'),
    unselected: { count: unselectedCount, casesDigest: unselectedDigest.digest('hex') },
    invalid,
    async *open() {
      let position = 0;
      let next = 0;
      for (const reference of loaded.suite.datasets) {
        if (next >= selection.positions.length) return;
        const absolute = path.resolve(loaded.baseDir, reference.path);
        const display = path.relative(process.cwd(), absolute) || absolute;
        for await (const item of readDataset(absolute, display, { skipInvalid: true })) {
          if (position === selection.positions[next]) {
            // A case that is not the one selected here (the file changed since) is not run.
            if (fingerprintId(item.id) === selection.fingerprints[next]) yield item;
            next += 1;
            if (next >= selection.positions.length) return;
          }
          position += 1;
        }
      }
    },
  };
}

/** FNV-1a over the id's UTF-16 code units: a cheap check that position i still holds the same case. */
function fingerprintId(id: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) hash = Math.imul(hash ^ id.charCodeAt(index), 0x01000193);
  return hash | 0;
}

function hashCase(item: Case): string {
  return createHash('sha256').update(item.id).update('\0').update(JSON.stringify(item.request)).update('\0').update(JSON.stringify(item.expect)).digest('hex');
}

/** A missing dataset named where the suite names it (file:line datasets[i].path) and where it was looked for. */
async function assertDatasetExists(loaded: LoadedSuite, index: number, absolute: string): Promise<void> {
  try {
    await access(absolute);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return; // readDataset reports other failures
  }
  const fieldPath = `datasets[${index}].path`;
  let line: number | undefined;
  try {
    const source = parseYamlSource(await readFile(loaded.absolutePath, 'utf8'), loaded.file);
    line = locatePath(source, ['datasets', index, 'path']).line;
  } catch {
    // The suite was read a moment ago; without it the message still names the field.
  }
  throw new UserInputError(`dataset not found: ${loaded.suite.datasets[index]!.path} (looked for ${absolute})`, {
    location: { file: loaded.file, line, path: fieldPath },
    hint: 'Dataset paths are relative to the suite file; fix the path or create the file (`chainproof sample` turns logs into one).',
  });
}
