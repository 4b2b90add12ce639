/**
 * PII scrubbing with the safety detectors: every string of a case (messages, tool calls, reference,
 * tags, cluster) has each finding replaced by a typed placeholder, the same value getting the same
 * placeholder everywhere in the case (`<EMAIL_1>` … `<EMAIL_1>`). Structural fields stay as they are.
 */
import { detectSensitive, type SensitiveCategory } from '../validators/safety/index.js';

/** Keys whose values are protocol, not content. */
const STRUCTURAL_KEYS = new Set(['role', 'type', 'tool_call_id', 'id', 'detail', 'format', 'strict', 'tool_choice']);

export interface Scrubber {
  scrubText(text: string): string;
  scrubValue<T>(value: T): T;
  /** Placeholders inserted so far, per category. */
  readonly counts: Partial<Record<SensitiveCategory, number>>;
}

/** One scrubber per case: its placeholder numbering is the case's. */
export function createScrubber(): Scrubber {
  const placeholders = new Map<string, string>();
  const perCategory = new Map<SensitiveCategory, number>();
  const counts: Partial<Record<SensitiveCategory, number>> = {};

  const placeholderFor = (category: SensitiveCategory, value: string): string => {
    const key = `${category}\u0000${value}`;
    let placeholder = placeholders.get(key);
    if (!placeholder) {
      const index = (perCategory.get(category) ?? 0) + 1;
      perCategory.set(category, index);
      placeholder = `<${category.toUpperCase()}_${index}>`;
      placeholders.set(key, placeholder);
    }
    counts[category] = (counts[category] ?? 0) + 1;
    return placeholder;
  };

  const scrubText = (text: string): string => {
    const findings = detectSensitive(text, { includePrivateIps: true });
    if (findings.length === 0) return text;
    let out = '';
    let at = 0;
    for (const finding of findings) {
      out += text.slice(at, finding.start) + placeholderFor(finding.category, finding.value);
      at = finding.end;
    }
    return out + text.slice(at);
  };

  const scrubValue = <T>(value: T): T => {
    if (typeof value === 'string') return scrubText(value) as T;
    if (Array.isArray(value)) return value.map((item) => scrubValue(item)) as T;
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(value)) out[key] = STRUCTURAL_KEYS.has(key) && typeof field === 'string' ? field : scrubValue(field);
      return out as T;
    }
    return value;
  };

  return { scrubText, scrubValue, counts };
}
