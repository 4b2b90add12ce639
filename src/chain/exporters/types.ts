/** The exporter contract: the proposed chain of a run record in one gateway's format. */
import type { RunRecordFile } from '../../record/types.js';

export interface ChainExport {
  format: string;
  /** Where it goes in the run directory: `chain.json`, `exports/portkey.json`… */
  filename: string;
  content: string;
  /** What the export could not carry over (a parameter, a member without an id on that gateway). */
  warnings: string[];
}

export interface ExportOptions {
  /** Base URL for simulated candidates that recorded none (the `chainproof sim` server). */
  simulatorUrl?: string;
}

export type Exporter = (record: RunRecordFile, options?: ExportOptions) => ChainExport;
