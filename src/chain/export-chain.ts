/** The proposed chain of a run record in a gateway's format, validated and free of key values. */
import { UserInputError } from '../core/errors.js';
import type { RunRecordFile } from '../record/types.js';
import { EXPORTERS, EXPORT_FORMAT_NAMES, isExportFormat, type ChainExport, type ExportOptions } from './exporters/index.js';

export function exportChain(record: RunRecordFile, format: string, options: ExportOptions = {}): ChainExport {
  if (!isExportFormat(format)) {
    throw new UserInputError(`unknown export format "${format}"`, { hint: `Use one of: ${EXPORT_FORMAT_NAMES.join(', ')}.` });
  }
  return EXPORTERS[format](record, options);
}

/** Environment variables that hold secrets by their name. */
const SECRET_NAME = /(API_KEY|_KEY|TOKEN|SECRET|PASSWORD)$/i;

/**
 * A last guard before anything is written: the content must not contain the value of a secret
 * from the environment (a key pasted into a suite's base_url or params would otherwise leak).
 */
export function assertNoSecretValues(content: string, env: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(env)) {
    if (!SECRET_NAME.test(name) || !value || value.length < 8) continue;
    if (content.includes(value)) {
      throw new UserInputError(`the output contains the value of ${name}; refusing to write a key`, {
        hint: 'Remove the key from the suite (keys come from the environment only) and run again.',
      });
    }
  }
}
