/** Shapes shared by the pure safety detectors (usable without the validator, e.g. by sampling). */

export const SENSITIVE_CATEGORIES = [
  'email',
  'phone',
  'credit_card',
  'ssn',
  'iban',
  'ip',
  'aws_key',
  'github_token',
  'private_key',
  'api_key',
] as const;

export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

/** One sensitive value found in a text. `start`/`end` are UTF-16 offsets, `end` exclusive. */
export interface Finding {
  category: SensitiveCategory;
  start: number;
  end: number;
  value: string;
  /** Which rule fired (`visa`, `stripe-secret`, `nanp`…), for explanations and tests. */
  rule: string;
}

export interface DetectOptions {
  /** Categories to look for (default: all). */
  categories?: readonly SensitiveCategory[];
  /** Flag private, link-local and CGNAT addresses too (default false: they identify nothing outside a network). */
  includePrivateIps?: boolean;
  /** Exact values never reported (a support address the answer is meant to give). */
  allow?: readonly string[];
}

/** A detector scans the whole text for one family of categories. */
export type Detector = (text: string, options: DetectOptions) => Finding[];

export function createFinding(category: SensitiveCategory, rule: string, text: string, start: number, end: number): Finding {
  return { category, rule, start, end, value: text.slice(start, end) };
}
