/**
 * Reads a judge model's reply. Asked for `{"score": 0..1, "reason": "…"}`, judges answer in fences,
 * after reasoning blocks, on a 1–10 or 0–100 scale, as "8/10", under `rating` or `explanation`, or
 * as prose ("Score: 8/10"). Each of those states a score without doubt, so it is read; a reply that
 * states none (a refusal, a question, an out-of-range number) is unreadable and the verdict does
 * not count. The reply is data: it is parsed, never run.
 */
import { extractJson } from './extract/extract-json.js';
import { stripReasoning } from './extract/strip-reasoning.js';
import { isRecord } from '../core/is-record.js';

export interface JudgeReply {
  /** 0..1. */
  score: number;
  reason: string;
}

const SCORE_KEYS = ['score', 'rating', 'grade'];
const REASON_KEYS = ['reason', 'reasoning', 'explanation', 'justification', 'rationale', 'feedback', 'comment'];
// "score": 0.8 | Score: 8/10 | **Rating:** 85% | score = "7 out of 10" — in prose or in JSON that did not parse.
const PROSE_SCORE = /\b(?:score|rating|grade)\b["'*_\s]*[:=]\s*["'*_\s]*(-?\d+(?:\.\d+)?)\s*(%|\/\s*(\d+)|out\s+of\s+(\d+))?/i;
const PROSE_REASON = /\b(?:reason|reasoning|explanation|justification|rationale)\b["'*_\s]*[:=]\s*["'*_\s]*([^\n"]+)/i;

export function readJudgeReply(text: string): JudgeReply | undefined {
  const extracted = extractJson(text, { mode: 'extract', lenient: true, rootType: 'object' });
  // A JSON reply that names a score is read as JSON only: its bad score is not retried as prose.
  if (extracted.ok && isRecord(extracted.value) && [...SCORE_KEYS, 'pass'].some((key) => key in (extracted.value as object))) {
    return readJsonReply(extracted.value);
  }
  return readProseReply(stripReasoning(text).text);
}

function readJsonReply(value: Record<string, unknown>): JudgeReply | undefined {
  const reason = REASON_KEYS.map((key) => value[key]).find((candidate): candidate is string => typeof candidate === 'string') ?? '';
  const key = SCORE_KEYS.find((candidate) => value[candidate] !== undefined && value[candidate] !== null);
  if (key === undefined) {
    // {"pass": true} from a judge that grades pass/fail: a full or a zero score.
    return typeof value.pass === 'boolean' ? { score: value.pass ? 1 : 0, reason } : undefined;
  }
  const raw = value[key];
  const scale = typeof value.max_score === 'number' ? value.max_score : typeof value.out_of === 'number' ? value.out_of : undefined;
  const score = typeof raw === 'number' ? rescale(raw, scale) : typeof raw === 'string' ? readScoreText(raw) : undefined;
  return score === undefined ? undefined : { score, reason };
}

function readProseReply(text: string): JudgeReply | undefined {
  const match = PROSE_SCORE.exec(text);
  if (!match) return undefined;
  const denominator = match[2] === '%' ? 100 : match[3] ?? match[4];
  const score = rescale(Number(match[1]), denominator === undefined ? undefined : Number(denominator));
  if (score === undefined) return undefined;
  const reason = PROSE_REASON.exec(text)?.[1]?.trim() ?? '';
  return { score, reason };
}

function readScoreText(text: string): number | undefined {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(%|\/\s*(\d+)|out\s+of\s+(\d+))?\s*$/i.exec(text);
  if (!match) return undefined;
  const denominator = match[2] === '%' ? 100 : match[3] ?? match[4];
  return rescale(Number(match[1]), denominator === undefined ? undefined : Number(denominator));
}

/**
 * To 0..1. With a stated scale, divide by it. Without, the number says its scale: up to 1 is the
 * 0..1 we asked for (so a bare 1 is a full score), up to 10 a ten-point scale, up to 100 a
 * percentage. Anything else (negative, above 100, above its stated scale) is not a score.
 */
function rescale(value: number, scale: number | undefined): number | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  if (scale !== undefined) return scale > 0 && value <= scale ? value / scale : undefined;
  if (value <= 1) return value;
  if (value <= 10) return value / 10;
  if (value <= 100) return value / 100;
  return undefined;
}

