/**
 * The scripted model: given the neutral request and the dice, the answer a model would give —
 * right with probability `quality` for the case kind, otherwise a realistic wrong answer.
 */
import type { CaseKind, SimulateConfig } from '../config/suite-schema.js';
import { writeCodeAnswer, writeBrokenCodeAnswer } from './code-answers.js';
import { corruptValue, dropRequiredField, serializeJson, writeBrokenJsonAnswer, writeJsonAnswer, writeJsonValue } from './json-answers.js';
import type { Dice, Random } from './random.js';
import { detectCaseShape, estimateTokens, type CaseShape, type ScriptedRequest, type ScriptedTool } from './scripted-request.js';
import { writeLeakyTextAnswer, writeRefusal, writeTextAnswer } from './text-answers.js';

export interface ScriptedToolCall {
  /** Random suffix; each protocol adds its own prefix (`call_`, `toolu_01`). */
  idSuffix: string;
  name: string;
  /** JSON text of the arguments (may be invalid JSON on a wrong answer). */
  arguments: string;
}

export interface ScriptedAnswer {
  shape: CaseShape;
  correct: boolean;
  /** What makes a wrong answer wrong: `truncated`, `refusal`, `pii_email`… */
  flaw?: string;
  text: string;
  refusal: boolean;
  toolCalls: ScriptedToolCall[];
  finish: 'stop' | 'tool_calls' | 'length';
  inputTokens: number;
  outputTokens: number;
}

export function readQuality(simulate: SimulateConfig, kind: CaseKind): number {
  const quality = simulate.quality;
  if (typeof quality === 'number') return quality;
  return quality[kind] ?? 0.9;
}

export function scriptAnswer(request: ScriptedRequest, simulate: SimulateConfig, dice: Dice): ScriptedAnswer {
  const shape = detectCaseShape(request);
  const correct = dice('quality').chance(readQuality(simulate, shape.kind));
  const random = dice('answer');
  const draft = correct ? writeRightAnswer(request, shape, random) : writeWrongAnswer(request, shape, random);
  return finishAnswer(request, { shape, correct, refusal: false, toolCalls: [], ...draft });
}

/** A refusal whatever the case kind (the `refusal` fault). */
export function scriptRefusal(request: ScriptedRequest, dice: Dice): ScriptedAnswer {
  const draft = { text: writeRefusal(dice('answer')), refusal: true, toolCalls: [], flaw: 'refusal' };
  return finishAnswer(request, { shape: detectCaseShape(request), correct: false, ...draft });
}

type Draft = Pick<ScriptedAnswer, 'text'> & Partial<Pick<ScriptedAnswer, 'flaw' | 'refusal' | 'toolCalls'>>;

function writeRightAnswer(request: ScriptedRequest, shape: CaseShape, random: Random): Draft {
  switch (shape.kind) {
    case 'json':
      return { text: writeJsonAnswer(request.jsonSchema, random) };
    case 'code':
      return { text: writeCodeAnswer(shape.language!, random) };
    case 'tool_call': {
      const tool = chooseTool(request, random);
      const args = writeJsonValue(tool.parameters, random);
      return { text: '', toolCalls: [{ idSuffix: random.hex(24), name: tool.name, arguments: JSON.stringify(args) }] };
    }
    default:
      return { text: writeTextAnswer(random) };
  }
}

function writeWrongAnswer(request: ScriptedRequest, shape: CaseShape, random: Random): Draft {
  // About one wrong answer in six is a refusal, whatever the kind.
  if (random.chance(1 / 6)) return { text: writeRefusal(random), refusal: true, flaw: 'refusal' };
  switch (shape.kind) {
    case 'json': {
      const broken = writeBrokenJsonAnswer(request.jsonSchema, random);
      return { text: broken.text, flaw: broken.flaw };
    }
    case 'code':
      return { text: writeBrokenCodeAnswer(shape.language!, random), flaw: 'syntax_error' };
    case 'tool_call':
      return writeWrongToolCall(request, random);
    default: {
      const text = writeLeakyTextAnswer(random);
      return { text, flaw: text.includes('@') ? 'pii_email' : 'pii_phone' };
    }
  }
}

function writeWrongToolCall(request: ScriptedRequest, random: Random): Draft {
  const tool = chooseTool(request, random);
  const args = writeJsonValue(tool.parameters, random);
  const roll = random.int(0, 3);
  const call = (text: string): ScriptedToolCall[] => [{ idSuffix: random.hex(24), name: tool.name, arguments: text }];
  if (roll === 0 && dropRequiredField(args, tool.parameters)) return { text: '', toolCalls: call(JSON.stringify(args)), flaw: 'missing_required' };
  if (roll === 1 && corruptValue(args, tool.parameters, random)) return { text: '', toolCalls: call(JSON.stringify(args)), flaw: 'wrong_value' };
  if (roll === 2) return { text: `I would need to check the ${tool.name.replace(/_/g, ' ')} details before answering that.`, flaw: 'no_tool_call' };
  const text = serializeJson(args, random);
  return { text: '', toolCalls: call(text.slice(0, Math.max(1, Math.floor(text.length / 2)))), flaw: 'truncated' };
}

function chooseTool(request: ScriptedRequest, random: Random): ScriptedTool {
  const forced = request.forcedTool ? request.tools.find((tool) => tool.name === request.forcedTool) : undefined;
  return forced ?? random.pick(request.tools);
}

/** Usage, and the `length` cut when the answer is longer than the caller's max tokens. */
function finishAnswer(request: ScriptedRequest, draft: Omit<ScriptedAnswer, 'finish' | 'inputTokens' | 'outputTokens'>): ScriptedAnswer {
  const answer = request.jsonTool && draft.shape.kind === 'json' && !draft.refusal ? carryJsonInTool(request.jsonTool, draft) : draft;
  const inputTokens = estimateTokens(request.promptChars);
  let { text } = answer;
  let finish: ScriptedAnswer['finish'] = answer.toolCalls.length > 0 ? 'tool_calls' : 'stop';
  if (request.maxTokens !== undefined && answer.toolCalls.length === 0 && estimateTokens(text.length) > request.maxTokens) {
    text = text.slice(0, Math.max(0, request.maxTokens * 4));
    finish = 'length';
  }
  const outputChars = text.length + answer.toolCalls.reduce((sum, call) => sum + call.name.length + call.arguments.length, 0);
  return { ...answer, text, finish, inputTokens, outputTokens: estimateTokens(outputChars) };
}

/** The JSON answer becomes the forced tool's input, as a model asked for JSON that way answers. */
function carryJsonInTool(name: string, draft: Omit<ScriptedAnswer, 'finish' | 'inputTokens' | 'outputTokens'>): typeof draft {
  const idSuffix = createIdSuffix(draft.text);
  return { ...draft, text: '', toolCalls: [{ idSuffix, name, arguments: draft.text }] };
}

/** A stable id from the content (the dice are already spent on the content itself). */
function createIdSuffix(text: string): string {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return (hash >>> 0).toString(16).padStart(8, '0').repeat(3);
}
