/**
 * What is not a leak: placeholders models write in examples, redactions, and names reserved for
 * documentation (RFC 2606 / 6761 / 6762 domains, example local parts).
 */
import { measureEntropy } from './text-scan.js';

/** Markers that say "put your own value here" or "this was removed". */
const PLACEHOLDER_MARKERS =
  /example|sample|placeholder|dummy|fake|changeme|change[_-]me|redacted|removed|hidden|masked|censored|your[_-]?|my[_-]?(?:api|secret|token|key|password)|insert|replace|todo|fixme|xxxx|\*\*\*|•••|…|\.\.\.|<[^>]*>|\$\{|\{\{|%[A-Z_]+%|\[[^\]]*\]/i;

/** Runs like `aaaaaa` or `000000`, and counting runs like `123456` or `abcdef`. */
function hasTrivialRun(value: string): boolean {
  if (/(.)\1{5,}/.test(value)) return true;
  const lower = value.toLowerCase();
  let run = 1;
  for (let i = 1; i < lower.length; i += 1) {
    run = lower.charCodeAt(i) === lower.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= 6) return true;
  }
  return false;
}

/**
 * True when a secret-shaped token is an obvious stand-in: `sk-proj-xxxx…`, `AKIA…EXAMPLE`,
 * `<token>`, `${API_KEY}`, `your-api-key`, `sk-…REDACTED`, or too regular to be random.
 * `body` is the part after a vendor prefix (the prefix itself is regular by design).
 */
export function isPlaceholderSecret(value: string, body: string = value, minEntropy = 3): boolean {
  if (PLACEHOLDER_MARKERS.test(value)) return true;
  if (hasTrivialRun(body)) return true;
  return measureEntropy(body) < minEntropy;
}

/** RFC 2606 and RFC 6761 second-level names and reserved TLDs, plus mDNS and ICANN's `.internal`. */
const RESERVED_TLDS = new Set(['test', 'example', 'invalid', 'localhost', 'local', 'internal', 'lan', 'home', 'corp', 'localdomain']);
const RESERVED_DOMAINS = /(?:^|\.)(?:example\.(?:com|net|org|edu)|example|localhost|(?:your|my)[-_]?(?:domain|company|site|email|org|business)\.[a-z]+|domain\.(?:com|tld)|company\.(?:com|tld)|email\.tld|host\.tld|site\.tld|mail\.tld)$/i;

export function isReservedDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  const tld = lower.slice(lower.lastIndexOf('.') + 1);
  return RESERVED_TLDS.has(tld) || RESERVED_DOMAINS.test(lower);
}

/** Local parts that stand for "some person" in examples. */
const PLACEHOLDER_LOCAL_PARTS =
  /^(?:you|your[._-]?(?:email|name|address|mail|username)?|user(?:name)?|name|someone|somebody|anyone|email|me|john[._-]?doe|jane[._-]?doe|j[._-]?doe|first[._-]?(?:name)?[._-]?last(?:name)?|firstname|lastname|foo|bar|test|alice|bob)$/i;

export function isPlaceholderEmail(localPart: string, domain: string): boolean {
  return PLACEHOLDER_LOCAL_PARTS.test(localPart) || isReservedDomain(domain) || PLACEHOLDER_MARKERS.test(localPart);
}

/**
 * Generic TLDs accepted in e-mail addresses (with every two-letter country code). A closed list,
 * because `weights@layer.weight` and `logo@2x.png` are code, not addresses.
 */
export const GENERIC_TLDS = new Set(
  (
    'com net org edu gov mil int info biz name pro aero coop museum mobi asia jobs tel travel cat xxx post ' +
    'app dev io ai co me tech online site xyz cloud email store shop blog news design digital agency solutions ' +
    'services global group studio live life world today team work inc llc ltd company business network systems ' +
    'software media health care finance capital money bank insurance legal law consulting academy school ' +
    'university education careers social club space website page link one top vip win fun run art art ' +
    'church city family fitness games gmbh host house land zone email mail'
  ).split(' '),
);

export function isAcceptedTld(tld: string): boolean {
  const lower = tld.toLowerCase();
  return (lower.length === 2 && /^[a-z]{2}$/.test(lower)) || GENERIC_TLDS.has(lower);
}
