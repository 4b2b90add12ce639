/**
 * IP addresses, parsed for real (node:net isIP), minus what identifies nobody: documentation ranges
 * (RFC 5737, RFC 3849, RFC 9637), loopback, unspecified, broadcast, netmasks, multicast, public DNS
 * resolvers, and (unless asked) private, link-local and CGNAT space.
 */
import { isIP } from 'node:net';
import { readBefore } from './text-scan.js';
import { createFinding, type DetectOptions, type Finding } from './types.js';

const IPV4 = /(?<![\w.:-])\d{1,3}(?:\.\d{1,3}){3}(?![\w-]|\.\d)/g;
const IPV6 = /(?<![\w:.-])(?=[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:)[0-9A-Fa-f:.]{2,45}(?![\w:-])/g;

const PUBLIC_RESOLVERS = new Set(['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '149.112.112.112', '208.67.222.222', '208.67.220.220']);

const VERSION_BEFORE = /(?:\bv|version|ver\.?|release|build|firmware|sdk|api)\s*[:=]?\s*$/;
const VERSION_WORDS = /\b(?:version|release|releases|patch|upgrade|downgrade|changelog|build|sdk|driver|firmware|kernel|supported)\b/i;
/** Another dotted version nearby (`Ubuntu 18.04.6 and kernel 5.15.0.91`). */
const OTHER_VERSION = /(?<![\d.])\d+\.\d+(?:\.\d+)?(?![\d.]|\.\d)/;
const ADDRESS_WORDS = /\b(?:ip|ips|address|addresses|host|hosts|server|connect(?:ed|ion)?|from|allow|deny|block|ssh|ping|dns|subnet|egress|ingress)\b/i;

/** "Python 3.11.4.2 is not a real release": four dotted numbers among version words and no address words. */
function isVersionContext(text: string, start: number, end: number): boolean {
  if (VERSION_BEFORE.test(readBefore(text, start, 16))) return true;
  const around = text.slice(Math.max(0, start - 48), end + 48);
  if (ADDRESS_WORDS.test(around)) return false;
  const others = text.slice(Math.max(0, start - 48), start) + ' ' + text.slice(end, end + 48);
  return VERSION_WORDS.test(around) || OTHER_VERSION.test(others);
}

function readOctets(address: string): number[] {
  return address.split('.').map(Number);
}

function isNetmask(octets: number[]): boolean {
  const bits = octets.reduce((value, octet) => value * 256 + octet, 0);
  const inverted = 0xffffffff - bits;
  return octets[0] === 255 && (inverted & (inverted + 1)) === 0;
}

/** Ranges that are never a leak, and those that are only one when `includePrivateIps` is set. */
function classifyIpv4(address: string): 'reserved' | 'private' | 'public' {
  const octets = readOctets(address);
  const [a, b, c] = octets as [number, number, number, number];
  if (a === 0 || a === 127 || a >= 224 || isNetmask(octets) || PUBLIC_RESOLVERS.has(address)) return 'reserved';
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'reserved';
  if (a === 198 && (b === 18 || b === 19)) return 'reserved'; // benchmarking, RFC 2544
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if ((a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'private';
  return 'public';
}

/** Expands `2001:db8::1` to eight 16-bit groups (embedded IPv4 becomes the last two). */
function expandIpv6(address: string): number[] {
  let text = address.toLowerCase().split('%')[0]!;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = readOctets(v4[1]!) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups].map((group) => parseInt(group || '0', 16));
}

function classifyIpv6(address: string): 'reserved' | 'private' | 'public' {
  const groups = expandIpv6(address);
  const [first, second] = groups as [number, number];
  if (groups.slice(0, 7).every((group) => group === 0)) return 'reserved'; // :: and ::1
  if (first === 0x2001 && second === 0x0db8) return 'reserved'; // RFC 3849 documentation
  if ((first & 0xfff0) === 0x3ff0) return 'reserved'; // 3fff::/20, RFC 9637 documentation
  if ((first & 0xff00) === 0xff00) return 'reserved'; // multicast
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const v4 = `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
    return classifyIpv4(v4);
  }
  if ((first & 0xffc0) === 0xfe80 || (first & 0xfe00) === 0xfc00) return 'private'; // link-local, ULA
  return 'public';
}

function isReported(kind: 'reserved' | 'private' | 'public', options: DetectOptions): boolean {
  return kind === 'public' || (kind === 'private' && options.includePrivateIps === true);
}

export function detectIps(text: string, options: DetectOptions): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(IPV4)) {
    if (isIP(match[0]) !== 4 || isVersionContext(text, match.index, match.index + match[0].length)) continue;
    if (isReported(classifyIpv4(match[0]), options)) {
      findings.push(createFinding('ip', 'ipv4', text, match.index, match.index + match[0].length));
    }
  }
  if (!text.includes(':')) return findings;
  for (const match of text.matchAll(IPV6)) {
    const candidate = match[0].replace(/\.$/, '');
    // Real addresses carry hex digits in several groups; `a::b` in prose and C++ scopes do not.
    if (isIP(candidate) !== 6 || (candidate.match(/[0-9a-f]/gi)?.length ?? 0) < 4) continue;
    if (isReported(classifyIpv6(candidate), options)) {
      findings.push(createFinding('ip', 'ipv6', text, match.index, match.index + candidate.length));
    }
  }
  return findings;
}
