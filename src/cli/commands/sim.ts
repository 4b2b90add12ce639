/** `chainproof sim`: the simulator as a standalone server, until SIGINT/SIGTERM. */
import path from 'node:path';
import { once } from 'node:events';
import { DEFAULT_SIMULATED_MODELS, loadScenarioFile, startSimulator, type Scenario } from '../../simulator/index.js';
import { readNumberFlag, readStringFlag, type Command } from '../command.js';
import { UserInputError } from '../../core/errors.js';

export const simCommand: Command = {
  name: 'sim',
  summary: 'Run the provider simulator as a standalone server (OpenAI, Anthropic and Gemini wire protocols)',
  usage: 'chainproof sim [--port P] [--scenario FILE] [--seed S]',
  flags: {
    port: { type: 'string', value: 'P', description: 'Port to listen on (0 picks a free one)', default: '4141' },
    host: { type: 'string', value: 'HOST', description: 'Interface to listen on', default: '127.0.0.1' },
    scenario: { type: 'string', value: 'FILE', description: 'Scenario file (YAML or JSON): models, scheduled faults, outages' },
    seed: { type: 'string', value: 'S', description: 'Seed for every die the simulator throws (default: the scenario seed, else 0)' },
    'latency-scale': { type: 'string', value: 'X', description: 'Multiplies every configured delay (0 answers at once)', default: '1' },
  },
  async run(args, io) {
    const port = readNumberFlag(args.values, 'port') ?? 4141;
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UserInputError(`--port must be an integer from 0 to 65535, got ${port}`);
    const seed = readNumberFlag(args.values, 'seed');
    if (seed !== undefined && !Number.isInteger(seed)) throw new UserInputError(`--seed must be an integer, got ${seed}`);
    const latencyScale = readNumberFlag(args.values, 'latency-scale') ?? 1;
    if (latencyScale < 0) throw new UserInputError('--latency-scale must be 0 or more');
    const file = readStringFlag(args.values, 'scenario');
    const scenario: Scenario | undefined = file ? await loadScenarioFile(path.resolve(io.cwd, file)) : undefined;
    const models = scenario?.models?.length ? [] : DEFAULT_SIMULATED_MODELS;
    let simulator;
    try {
      simulator = await startSimulator({ models, scenario, seed, port, host: readStringFlag(args.values, 'host'), latencyScale });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES') throw new UserInputError(`cannot listen on port ${port} (${code})`, { hint: 'Pick another with --port, or --port 0 for a free one.' });
      throw error;
    }
    io.stdout.write(
      [
        `chainproof simulator listening on ${simulator.url} (simulated models: no real provider is called)`,
        '',
        `  OpenAI chat completions  base URL ${simulator.baseUrls.openai}`,
        `  Anthropic Messages       base URL ${simulator.baseUrls.anthropic}`,
        `  Gemini generateContent   base URL ${simulator.baseUrls.gemini}`,
        `  (the version segments are optional: SDKs may also use ${simulator.url} and add /v1 or /v1beta themselves)`,
        `  Stats                    ${simulator.url}/__stats`,
        '',
        `Models: ${simulator.models.join(', ')}`,
        'Any API key is accepted. Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    );
    if (io.signal && !io.signal.aborted) await once(io.signal, 'abort');
    else if (!io.signal) await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    await simulator.close();
    io.stdout.write('simulator stopped\n');
    return 0;
  },
};
