/**
 * Which protocol a URL speaks. Clients join base URLs and paths in different ways (the SDKs add
 * `/v1` or `/v1beta` themselves, gateways and our own adapters expect it in the base URL), so the
 * router ignores an optional protocol segment (`/openai`, `/anthropic`, `/gemini`) and any version
 * segments, and decides on the rest: `/chat/completions`, `/messages`, `/models/{m}:generateContent`.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { WIRE_PROTOCOLS, type WireProtocol } from '../config/suite-schema.js';

export interface NormalizedPath {
  /** `/openai/...` and friends name the protocol; needed to tell the three `GET /models` apart. */
  protocolHint?: WireProtocol;
  /** The path without protocol and version segments: `/messages`, `/models/x:generateContent`. */
  tail: string;
  /** A `v1beta`/`v1alpha` segment was present (Gemini's versions). */
  geminiVersion: boolean;
}

export function normalizePath(pathname: string): NormalizedPath {
  const segments = pathname.split('/').filter(Boolean);
  let protocolHint: WireProtocol | undefined;
  if (segments[0] && (WIRE_PROTOCOLS as readonly string[]).includes(segments[0])) protocolHint = segments.shift() as WireProtocol;
  let geminiVersion = false;
  while (segments[0] && /^v1(beta|alpha)?$/.test(segments[0])) {
    if (segments[0] !== 'v1') geminiVersion = true;
    segments.shift();
  }
  return { protocolHint, tail: `/${segments.join('/')}`, geminiVersion };
}

export interface CompletionTarget {
  protocol: WireProtocol;
  /** Gemini names the model in the path. */
  model?: string;
  stream?: boolean;
}

export function matchCompletionPath(tail: string): CompletionTarget | undefined {
  if (tail === '/chat/completions') return { protocol: 'openai' };
  if (tail === '/messages') return { protocol: 'anthropic' };
  const gemini = /^\/(?:models|tunedModels)\/([^/:]+):(generateContent|streamGenerateContent)$/.exec(tail);
  if (gemini) return { protocol: 'gemini', model: decodeURIComponent(gemini[1]!), stream: gemini[2] === 'streamGenerateContent' };
  return undefined;
}

/** Whose shape a `GET /models` answers in: the path's protocol, else Anthropic's header, else Gemini's version, else OpenAI. */
export function chooseListProtocol(path: NormalizedPath, headers: IncomingHttpHeaders): WireProtocol {
  if (path.protocolHint) return path.protocolHint;
  if (headers['anthropic-version'] !== undefined) return 'anthropic';
  if (path.geminiVersion || headers['x-goog-api-key'] !== undefined) return 'gemini';
  return 'openai';
}
