/** The exporter map: one gateway format per file, chosen by name (`export --format NAME`). */
import { exportLitellm } from './litellm.js';
import { exportNative } from './native.js';
import { exportOpenrouter } from './openrouter.js';
import { exportPortkey } from './portkey.js';
import type { Exporter } from './types.js';

export const EXPORTERS = {
  native: exportNative,
  litellm: exportLitellm,
  portkey: exportPortkey,
  openrouter: exportOpenrouter,
} as const satisfies Record<string, Exporter>;

export type ExportFormat = keyof typeof EXPORTERS;

export const EXPORT_FORMAT_NAMES = Object.keys(EXPORTERS) as ExportFormat[];

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(EXPORTERS, name);
}

export type { ChainExport, ExportOptions, Exporter } from './types.js';
