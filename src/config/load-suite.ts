/**
 * Loads a suite file: YAML or JSON → zod → a typed Suite, or a UserInputError (exit 2) listing
 * every problem with file, line, field path and a hint. Nothing is called before this passes.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserInputError } from '../core/errors.js';
import { SuiteSchema, type Suite } from './suite-schema.js';
import { parseYamlSource } from './yaml-source.js';
import { validateSource } from './validate-source.js';

export interface LoadedSuite {
  suite: Suite;
  /** Path as given (for messages) and absolute. */
  file: string;
  absolutePath: string;
  /** Directory that dataset paths are relative to. */
  baseDir: string;
  /** sha256 of the file's bytes. */
  digest: string;
}

export async function loadSuite(file: string, cwd = process.cwd()): Promise<LoadedSuite> {
  const absolutePath = path.resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserInputError(code === 'ENOENT' ? `suite file not found: ${file}` : `cannot read suite file ${file}: ${code}`, {
      hint: 'Pass the path of a suite file, e.g. `chainproof run suites/demo.suite.yaml`.',
    });
  }
  const suite = parseSuiteText(text, file);
  return {
    suite,
    file,
    absolutePath,
    baseDir: path.dirname(absolutePath),
    digest: createHash('sha256').update(text).digest('hex'),
  };
}

export function parseSuiteText(text: string, file: string): Suite {
  const source = parseYamlSource(text, file);
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    throw new UserInputError('a suite is a mapping with name, datasets and candidates', {
      location: { file, line: 1 },
      hint: 'Start from suites/demo.suite.yaml or run `chainproof init`.',
    });
  }
  return validateSource(source, SuiteSchema, 'suite', 'Fix the suite and run again (nothing was called); schema/suite.schema.json gives editors autocompletion.');
}
