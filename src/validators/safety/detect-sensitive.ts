/**
 * detectSensitive: every detector over one text, overlaps resolved in favour of the most specific
 * finding (a private key over the base64 inside it, a vendor key over a generic assignment, a card
 * over the phone-shaped digits inside it), sorted by position.
 */
import { detectEmails, detectPhones } from './detect-contact.js';
import { detectCards, detectIbans, detectSsns } from './detect-financial.js';
import { detectIps } from './detect-ip.js';
import { detectAssignedSecrets, detectInlineCredentials, detectPrivateKeys, detectVendorSecrets } from './detect-secrets.js';
import { SENSITIVE_CATEGORIES, type DetectOptions, type Detector, type Finding, type SensitiveCategory } from './types.js';

interface DetectorEntry {
  categories: SensitiveCategory[];
  detect: Detector;
}

/** In priority order: earlier entries win overlaps. */
const DETECTORS: DetectorEntry[] = [
  { categories: ['private_key'], detect: detectPrivateKeys },
  { categories: ['aws_key', 'github_token', 'api_key'], detect: detectVendorSecrets },
  { categories: ['aws_key', 'api_key'], detect: detectAssignedSecrets },
  { categories: ['api_key'], detect: detectInlineCredentials },
  { categories: ['credit_card'], detect: detectCards },
  { categories: ['iban'], detect: detectIbans },
  { categories: ['email'], detect: detectEmails },
  { categories: ['ssn'], detect: detectSsns },
  { categories: ['ip'], detect: detectIps },
  { categories: ['phone'], detect: detectPhones },
];

function overlaps(a: Finding, b: Finding): boolean {
  return a.start < b.end && b.start < a.end;
}

export function detectSensitive(text: string, options: DetectOptions = {}): Finding[] {
  const wanted = new Set<SensitiveCategory>(options.categories ?? SENSITIVE_CATEGORIES);
  const allowed = new Set(options.allow ?? []);
  const kept: Finding[] = [];
  for (const entry of DETECTORS) {
    if (!entry.categories.some((category) => wanted.has(category))) continue;
    for (const finding of entry.detect(text, options)) {
      if (!wanted.has(finding.category) || allowed.has(finding.value)) continue;
      if (kept.some((other) => overlaps(other, finding))) continue;
      kept.push(finding);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
