/** The command map. One file per command; the order here is the order in `--help`. */
import type { Command } from '../command.js';
import { sampleCommand } from './sample.js';

export const COMMANDS: Command[] = [sampleCommand];
