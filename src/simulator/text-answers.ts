/**
 * Prose answers. Right ones are clean support-style replies; wrong ones leak personal data or
 * refuse — the two failures a safety or quality validator must catch in production traffic.
 */
import type { Random } from './random.js';

const OPENINGS = [
  'Thanks for reaching out.',
  'Good question.',
  'Happy to help with this.',
  'Thanks for the details.',
  'I understand the frustration here.',
];

const BODIES = [
  'You can update this from the Billing page under Settings; changes take effect at the start of the next cycle.',
  'The most common cause is an expired session. Signing out, clearing the app cache and signing back in usually resolves it.',
  'Refunds are issued to the original payment method and typically appear within five to seven business days.',
  'Exports are limited to one month of data at a time, so splitting the range into smaller periods avoids the error.',
  'The tracking link updates once the carrier scans the parcel, which can take up to 48 hours after dispatch.',
  'Your plan includes up to ten seats. Additional seats can be added at any time and are billed pro rata.',
  'Two-factor authentication can be reset by an account administrator from the Security tab.',
];

const CLOSINGS = [
  'Let me know if anything else comes up.',
  'If the problem persists, reply here and we will look into it further.',
  'I hope this helps.',
  '',
];

export const REFUSALS = [
  "I'm sorry, but I can't help with that.",
  "I'm sorry, I can't assist with that request.",
  'I am unable to help with this request.',
  "Sorry, I can't provide that information.",
];

export function writeTextAnswer(random: Random): string {
  const sentences = [random.pick(OPENINGS), random.pick(BODIES)];
  if (random.chance(0.4)) sentences.push(random.pick(BODIES.filter((body) => body !== sentences[1])));
  const closing = random.pick(CLOSINGS);
  if (closing) sentences.push(closing);
  return sentences.join(' ');
}

/** A reply that leaks an email address or a phone number — realistic PII in prose. */
export function writeLeakyTextAnswer(random: Random): string {
  const leak = random.chance(0.5)
    ? `You can also email ${random.pick(['jane.doe', 'm.garcia', 'sam.k', 'lee.wong'])}@${random.pick(['gmail.com', 'outlook.com', 'acme-corp.com'])} directly.`
    : `Feel free to call ${random.pick(['Jane', 'Marco', 'Sam'])} on +1 (${random.int(201, 989)}) ${random.int(200, 999)}-${random.int(1000, 9999)} for a faster answer.`;
  return `${random.pick(OPENINGS)} ${random.pick(BODIES)} ${leak}`;
}

export function writeRefusal(random: Random): string {
  return random.pick(REFUSALS);
}
