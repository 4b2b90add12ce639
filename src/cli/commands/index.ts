/** The command map. One file per command; the order here is the order in `--help`. */
import type { Command } from '../command.js';
import { simCommand } from './sim.js';

export const COMMANDS: Command[] = [simCommand];
import { scoreCommand } from './score.js';
export const COMMANDS: Command[] = [scoreCommand];
import { exportCommand } from './export.js';
import { gateCommand } from './gate.js';
import { initCommand } from './init.js';
import { reportCommand } from './report.js';
export const COMMANDS: Command[] = [reportCommand, gateCommand, exportCommand, initCommand];
import { mergeCommand } from './merge.js';
export const COMMANDS: Command[] = [mergeCommand];
