/** The command map. One file per command; the order here is the order in `--help`. */
import type { Command } from '../command.js';
import { simCommand } from './sim.js';

export const COMMANDS: Command[] = [simCommand];
import { scoreCommand } from './score.js';
export const COMMANDS: Command[] = [scoreCommand];
