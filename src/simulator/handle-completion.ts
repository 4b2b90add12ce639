/**
 * One completion request, whatever the protocol: parse, pick the model, throw the dice (keyed by
 * the request, never by arrival order), choose a fault, script the answer, write it with timing.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatedFault } from '../config/suite-schema.js';
import { chooseFault } from './faults.js';
import { drawTiming } from './latency.js';
import type { ProtocolRenderer, RenderContext, RouteInfo, WireResponse } from './protocols/protocol.js';
import { createDice, type Dice } from './random.js';
import { writeCutBody, writeStream, writeWhole, type TimerRegistry } from './respond.js';
import type { Scenario } from './scenario.js';
import { scriptAnswer, scriptRefusal, type ScriptedAnswer } from './script-answer.js';
import { estimateTokens } from './scripted-request.js';
import type { StatsRecorder } from './stats.js';
import type { SimulatedModelSpec } from './types.js';

export const SIMULATED_HEADER = 'x-chainproof-simulated';
export const REQUEST_KEY_HEADER = 'x-chainproof-key';
/** Delay before the first byte on `slow_first_byte`, unless the model sets `slow_first_byte_ms`. */
const DEFAULT_SLOW_FIRST_BYTE_MS = 8_000;

export interface SimulatorState {
  seed: number;
  models: Map<string, SimulatedModelSpec>;
  scenario: Scenario;
  latencyScale: number;
  elapsedMs: () => number;
  stats: StatsRecorder;
  timers: TimerRegistry;
  /** Requests seen per model, for scheduled faults. */
  ordinals: Map<string, number>;
  /** Earlier identical bodies, so a repeat of the same request is a new throw of the dice. */
  bodyCounts: Map<string, number>;
}

export interface CompletionCall {
  protocol: ProtocolRenderer;
  request: IncomingMessage;
  response: ServerResponse;
  rawBody: Buffer;
  path: string;
  route: RouteInfo;
}

export function handleCompletion(state: SimulatorState, call: CompletionCall): void {
  const { protocol, request, response } = call;
  const headerKey = request.headers[REQUEST_KEY_HEADER];
  const requestKey = typeof headerKey === 'string' && headerKey.length > 0 ? headerKey : readBodyKey(state, call);
  const idDice = createDice(`${state.seed}\u0000${call.path}\u0000${requestKey}`);
  const requestId = protocol.createRequestId(idDice('request-id'));
  const baseHeaders = { [SIMULATED_HEADER]: '1', ...protocol.baseHeaders({ requestId, random: idDice('headers') }) };
  const reply = (wire: WireResponse, model: string): void => {
    state.stats.recordStatus(model, wire.status);
    writeWhole(response, { ...wire, headers: { ...baseHeaders, ...wire.headers } });
  };
  let body: unknown;
  try {
    body = JSON.parse(call.rawBody.toString('utf8'));
  } catch {
    body = undefined;
  }
  const parsed = protocol.parseRequest(body, request.headers, call.route);
  if (!parsed.ok) {
    state.stats.recordRequest(protocol.protocol, '(invalid)');
    return reply(parsed.response, '(invalid)');
  }
  const scripted = parsed.request;
  const spec = state.models.get(scripted.model);
  state.stats.recordRequest(protocol.protocol, scripted.model);
  if (!spec) return reply(protocol.renderUnknownModel(scripted.model, { requestId, random: idDice('unknown') }), scripted.model);

  const dice = createDice(`${state.seed}\u0000${spec.simulate.seed ?? ''}\u0000${spec.name}\u0000${requestKey}`);
  const ordinal = (state.ordinals.get(spec.name) ?? 0) + 1;
  state.ordinals.set(spec.name, ordinal);
  const promptTokens = estimateTokens(scripted.promptChars);
  const decision = chooseFault({ spec, scenario: state.scenario, elapsedMs: state.elapsedMs(), ordinal, promptTokens, random: dice('fault') });
  const fault = decision?.fault;
  if (fault) state.stats.recordFault(spec.name, fault);
  const timing = drawTiming(dice('latency'), spec.simulate.latency_ms, spec.simulate.ttft_ms, state.latencyScale);
  const context: RenderContext = {
    model: spec.name,
    request: scripted,
    random: dice('wire'),
    requestId,
    created: Math.floor(Date.now() / 1000),
    latencyScale: state.latencyScale,
    contextWindow: spec.simulate.context_window,
    promptTokens,
  };

  if (fault === 'timeout') return; // No headers, ever: the client's own timeout is what ends this.
  // A stream error on a non-streaming call has no stream to live in: the server fails instead.
  const wireFault: SimulatedFault | undefined = fault === 'stream_error' && !scripted.stream ? 'server_error' : fault;
  const faultResponse = wireFault ? protocol.renderFault(wireFault, context) : undefined;
  if (faultResponse) {
    return state.timers.schedule(response, Math.min(timing.ttftMs, 250 * state.latencyScale), () => reply(faultResponse, spec.name));
  }
  const answer = fault === 'refusal' ? scriptRefusal(scripted, dice) : scriptAnswer(scripted, spec.simulate, dice);
  if (!answer.correct) state.stats.recordWrongAnswer(spec.name);
  const slowMs = fault === 'slow_first_byte' ? readSlowFirstByteMs(spec) * state.latencyScale : 0;
  state.stats.recordStatus(spec.name, 200);
  const jsonStream = scripted.stream ? protocol.renderStreamAsJson?.(answer, context, call.route) : undefined;
  if (scripted.stream && jsonStream === undefined) return streamAnswer(state, call, answer, context, { fault, slowMs, timing, baseHeaders, dice });
  const json: WireResponse = { status: 200, headers: { ...baseHeaders, 'content-type': 'application/json' }, body: jsonStream ?? protocol.renderAnswer(answer, context) };
  state.timers.schedule(response, slowMs + timing.totalMs, () => {
    if (fault === 'stream_cut') writeCutBody(response, json);
    else if (fault === 'malformed_body') writeWhole(response, { ...json, body: breakJsonBody(json.body, dice) });
    else writeWhole(response, json);
  });
}

interface StreamOptions {
  fault: SimulatedFault | undefined;
  slowMs: number;
  timing: { ttftMs: number; totalMs: number };
  baseHeaders: Record<string, string>;
  dice: Dice;
}

function streamAnswer(state: SimulatorState, call: CompletionCall, answer: ScriptedAnswer, context: RenderContext, options: StreamOptions): void {
  const frames = call.protocol.renderStream(answer, context);
  // Faults strike after the first frame and before the last, like a real upstream dying mid-answer.
  const middle = Math.max(1, Math.floor(frames.length / 2));
  const plan = {
    frames,
    headers: options.baseHeaders,
    firstMs: options.slowMs + options.timing.ttftMs,
    spreadMs: Math.max(0, options.timing.totalMs - options.timing.ttftMs),
  };
  if (options.fault === 'stream_cut') return writeStream(call.response, { ...plan, stopAt: middle, cut: true }, state.timers);
  if (options.fault === 'stream_error') return writeStream(call.response, { ...plan, stopAt: middle, tailFrame: call.protocol.renderStreamError(context) }, state.timers);
  if (options.fault === 'malformed_body') {
    const broken = [...frames];
    broken.splice(middle, 0, breakSseFrame(frames[middle] ?? frames[0]!, options.dice));
    return writeStream(call.response, { ...plan, frames: broken }, state.timers);
  }
  writeStream(call.response, plan, state.timers);
}

/** A JSON body cut short or with a stray byte: what a broken proxy or encoder sends. */
function breakJsonBody(body: string, dice: Dice): string {
  const random = dice('malformed');
  return random.chance(0.5) ? body.slice(0, Math.floor(body.length * (0.3 + 0.5 * random.next()))) : body.replace(/":/, '" :: ');
}

function breakSseFrame(frame: string, dice: Dice): string {
  const dataLine = frame.split('\n').find((line) => line.startsWith('data: ')) ?? 'data: {}';
  const json = dataLine.slice('data: '.length);
  const eventLine = frame.split('\n').find((line) => line.startsWith('event: '));
  return `${eventLine ? `${eventLine}\n` : ''}data: ${json.slice(0, Math.max(2, Math.floor(json.length * (0.3 + 0.4 * dice('malformed').next()))))}\n\n`;
}

function readSlowFirstByteMs(spec: SimulatedModelSpec): number {
  return spec.simulate.slow_first_byte_ms ?? DEFAULT_SLOW_FIRST_BYTE_MS;
}

/** Digest of path and body plus how many identical bodies came before it. */
function readBodyKey(state: SimulatorState, call: CompletionCall): string {
  const digest = createHash('sha1').update(call.path).update('\u0000').update(call.rawBody).digest('base64url');
  const seen = state.bodyCounts.get(digest) ?? 0;
  state.bodyCounts.set(digest, seen + 1);
  return `${digest}#${seen}`;
}
