/** The command map. One file per command; the order here is the order in `--help`. */
import type { Command } from '../command.js';
import { checkCommand } from './check.js';
import { exportCommand } from './export.js';
import { gateCommand } from './gate.js';
import { initCommand } from './init.js';
import { mergeCommand } from './merge.js';
import { planCommand } from './plan.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { sampleCommand } from './sample.js';
import { scoreCommand } from './score.js';
import { simCommand } from './sim.js';

export const COMMANDS: Command[] = [runCommand, reportCommand, gateCommand, exportCommand, scoreCommand, sampleCommand, mergeCommand, planCommand, simCommand, initCommand, checkCommand];
