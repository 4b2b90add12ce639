#!/usr/bin/env node
import { BROKEN_PIPE_EXIT_CODE, isBrokenPipe, runCli } from '../dist/cli/main.js';

// A closed pipe on stdout (`… | head`) ends the command quietly instead of an unhandled 'error' event.
process.stdout.on('error', (error) => {
  if (!isBrokenPipe(error)) throw error;
  process.exit(BROKEN_PIPE_EXIT_CODE);
});

const controller = new AbortController();
let interrupts = 0;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    controller.abort(new Error(signal));
  });
}

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (isBrokenPipe(error)) {
      process.exitCode = BROKEN_PIPE_EXIT_CODE;
      return;
    }
    console.error(error && error.stack ? error.stack : error);
    process.exitCode = 70;
  },
);
