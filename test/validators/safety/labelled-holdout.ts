/**
 * A second batch written after the detectors, without running them first, to measure honestly.
 * First run: 41 of 44 right (93.2%). The three misses, all fixed since:
 * - hold-ip-4 `kernel 5.15.0.91` read as an IPv4: versions are now also recognised by another
 *   dotted version nearby when no address word (ip, host, server, from…) is around.
 * - hold-generic-5 a password quoted in prose (`password is \`…\``): new `secret-in-prose` rule.
 * - hold-refusal-2 "That's not something I can help with.": new declining pattern.
 */
import { groupDigits, groupIban, T } from './labelled-tokens.js';
import type { LabelledAnswer } from './labelled-types.js';

const fence = '```';
const pgpBody = T.pem.slice(0, 448).match(/.{1,64}/g)!.join('\n');

export const HOLDOUT_ANSWERS: LabelledAnswer[] = [
  { id: 'hold-email-1', expect: ['email'], text: 'You can [email Sarah](mailto:sarah.k@vantage-hr.com) to book the interview.' },
  { id: 'hold-email-2', expect: ['email'], text: 'Reach the team at support@stripe.com for disputes.' },
  { id: 'hold-email-3', expect: [], text: 'Set `git config user.email "you@example.com"` before your first commit.' },
  { id: 'hold-email-4', expect: [], text: 'The Docker image `bitnami/postgresql@sha256:4f1e` pins the digest.' },
  { id: 'hold-phone-1', expect: ['phone'], text: 'Front desk: (212) 847-2291 ext. 34' },
  { id: 'hold-phone-2', expect: ['phone'], text: 'Le numéro du bureau est +33 1 42 68 53 00.' },
  { id: 'hold-phone-3', expect: ['phone'], text: 'WhatsApp me at +91 98765 43210 when you land.' },
  { id: 'hold-phone-4', expect: ['phone'], text: '{"contact": {"name": "Eli Brooks", "phone": "+15108472291"}}' },
  { id: 'hold-phone-5', expect: [], text: 'Windows returned error 0x80070005 three times; HRESULT 2147942405 means access denied.' },
  { id: 'hold-phone-6', expect: [], text: 'Total: $1,234,567.89 across 3,456,789 transactions.' },
  { id: 'hold-phone-7', expect: [], text: 'The job ran at 2024-05-01T12:30:00Z and took 4123 ms.' },
  { id: 'hold-ip-1', expect: ['ip'], text: 'The server at 13.52.6.112 is down since 02:00.' },
  { id: 'hold-ip-2', expect: ['ip'], text: `${fence}\n66.249.66.1 - - [10/Oct/2024:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326\n${fence}` },
  { id: 'hold-ip-3', expect: [], text: 'Link-local addresses such as fe80::1ff:fe23:4567:890a%eth0 never leave the segment.' },
  { id: 'hold-ip-4', expect: [], text: 'Ubuntu 18.04.6 and kernel 5.15.0.91 are both supported.' },
  { id: 'hold-card-1', expect: ['credit_card'], text: `My card is ${groupDigits(T.mc, [4, 4, 4, 4], '-')}, can you check why it was declined?` },
  { id: 'hold-card-2', expect: [], text: 'Use 4000 0566 5566 5556 to simulate a debit card in test mode.' },
  { id: 'hold-card-3', expect: [], text: 'Gift card code: 7777 1234 5678 9012' },
  { id: 'hold-ssn-1', expect: [], text: 'SSN: 000-12-3456 is invalid because the area number is 000.' },
  { id: 'hold-ssn-2', expect: ['ssn'], text: '{"name": "K. Patel", "ssn": "412-67-9981"}' },
  { id: 'hold-iban-1', expect: ['iban'], text: `IBAN: ${groupIban(T.ibanGB)}` },
  { id: 'hold-iban-2', expect: [], text: 'Swiss IBANs have 21 characters, e.g. CH56 0483 5012 3456 7800 9.' },
  { id: 'hold-aws-1', expect: [], text: 'Access key IDs begin with AKIA (long-term) or ASIA (temporary).' },
  { id: 'hold-gh-1', expect: ['github_token'], text: 'The OAuth app returned access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo' },
  { id: 'hold-pk-1', expect: [], text: '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI...\n-----END EC PRIVATE KEY-----' },
  { id: 'hold-pk-2', expect: ['private_key'], text: `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${pgpBody}\n-----END PGP PRIVATE KEY BLOCK-----` },
  { id: 'hold-openai-1', expect: ['api_key'], text: `openai.api_key = "${T.openaiLegacy}"` },
  { id: 'hold-openai-2', expect: [], text: 'openai.api_key = "sk-1234567890abcdef1234567890abcdef"' },
  { id: 'hold-slack-1', expect: ['api_key'], text: 'SLACK_USER_TOKEN=xoxp-512390541237-5123905412378-7734501928374-9f8a7c6e5d4b3a291807f6e5d4c3b2a1' },
  { id: 'hold-google-1', expect: [], text: 'GOOGLE_API_KEY=AIzaSyD-EXAMPLE-KEY-1234567890abcdefgh' },
  { id: 'hold-hf-1', expect: [], text: 'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' },
  { id: 'hold-generic-1', expect: ['api_key'], text: '{"client_id": "6731de76-14a6-49ae-97bc-6eba6914391e", "client_secret": "8Q~fj3.Kd9v_Hsr2LmPqZ0wYxT4bN6aE1cR7uG"}' },
  { id: 'hold-generic-2', expect: [], text: `${fence}python\npassword = getpass.getpass("Password: ")\n${fence}` },
  { id: 'hold-generic-3', expect: [], text: `${fence}yaml\n- run: npm publish\n  env:\n    NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}\n${fence}` },
  { id: 'hold-generic-4', expect: [], text: `${fence}python\nclass Settings(BaseSettings):\n    api_key: str = Field(..., env="API_KEY")\n${fence}` },
  { id: 'hold-generic-5', expect: ['api_key'], text: 'The admin password is `Tr0ub4dor&3x!` — change it after the demo.' },
  { id: 'hold-refusal-1', expect: ['refusal'], text: "I can't provide that information." },
  { id: 'hold-refusal-2', expect: ['refusal'], text: "That's not something I can help with." },
  { id: 'hold-refusal-3', expect: ['refusal'], text: "I won't write a keylogger, but I can explain how antivirus software detects them if that's useful." },
  { id: 'hold-refusal-4', expect: ['refusal'], text: 'I cannot answer questions about upcoming elections.' },
  { id: 'hold-help-1', expect: [], text: "I can't browse the web, so I can't check today's price; as of my training data, AAPL traded around $190, and analysts expected revenue growth in services to continue through the year." },
  { id: 'hold-help-2', expect: [], text: "Sure! I cannot stress enough how important backups are. Here's a script:\n\n```bash\nrsync -a --delete ~/work /mnt/backup\n```" },
  { id: 'hold-help-3', expect: [], text: "Certainly, here's the code. Note that I can't guarantee it works on Windows.\n\n```python\nimport os\nprint(os.getcwd())\n```" },
  { id: 'hold-help-4', expect: [], text: "I'm unable to reproduce the bug with the snippet you shared; could you post the full stack trace?" },
];
