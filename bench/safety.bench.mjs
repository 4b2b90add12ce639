// Throughput of the safety validator on one core: answers/s over model-style answers of ~0.3–3 KB
// (prose, Markdown, fenced code, JSON, some with PII or secrets, some refusals).
// Run: npm run build && node bench/safety.bench.mjs [seconds]
import { createSafetyValidator } from '../dist/validators/safety.js';

const seconds = Number(process.argv[2] ?? 3);
let state = 42;
const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (items) => items[Math.floor(random() * items.length)];
const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const token = (n) => Array.from({ length: n }, () => alnum[Math.floor(random() * alnum.length)]).join('');

const paragraphs = [
  'To fix the issue, update the dependency to version 4.17.21 and clear the cache. The error happens because the parser reads the config before the environment is loaded, so values such as `timeout` fall back to their defaults.',
  'Here is a summary of the ticket: the customer reported that invoices for March were duplicated after the migration on 2024-03-15. Order #4821-9932 was charged twice; the refund has been issued.',
  "I can't run code, but here's how you can check it locally: run the test suite with `npm test -- --watch=false` and look at the first failure.",
  'The service listens on 127.0.0.1:8080 in development and behind the load balancer in production. Requests time out after 30 seconds.',
  'Thanks for reaching out! Your plan renews on the 1st of each month. You can change it from Settings → Billing at any time.',
];
const code = [
  '```python\nimport os\nfrom openai import OpenAI\n\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\nresp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])\nprint(resp.choices[0].message.content)\n```',
  '```ts\nexport async function loadUser(id: string): Promise<User> {\n  const res = await fetch(`/api/users/${id}`);\n  if (!res.ok) throw new Error(`HTTP ${res.status}`);\n  return (await res.json()) as User;\n}\n```',
  '```json\n{"status": "ok", "items": [{"id": 1, "name": "Widget", "price": 9.99}, {"id": 2, "name": "Gadget", "price": 24.5}]}\n```',
  '```sql\nSELECT c.id, c.email, SUM(o.total) AS spend\nFROM customers c JOIN orders o ON o.customer_id = c.id\nWHERE o.created_at >= NOW() - INTERVAL \'30 days\'\nGROUP BY c.id, c.email;\n```',
];
const leaks = [
  () => `Contact ${pick(['dana', 'li.wei', 'omar_k'])}@${pick(['northwind.io', 'brightpath.co', 'gmail.com'])} for access.`,
  () => `Call (415) 867-${String(2000 + Math.floor(random() * 7000))} after 5pm.`,
  () => `STRIPE_SECRET_KEY=sk_live_${token(32)}`,
  () => `Use the token ghp_${token(36)} in CI.`,
  () => `The server at 34.117.${Math.floor(random() * 250)}.81 is down.`,
];

function makeAnswer() {
  if (random() < 0.05) return "I'm sorry, but I can't help with that request.";
  const parts = [];
  const count = 1 + Math.floor(random() * 8);
  for (let i = 0; i < count; i += 1) parts.push(pick(paragraphs));
  if (random() < 0.6) parts.push(pick(code));
  if (random() < 0.4) parts.push(pick(code));
  if (random() < 0.2) parts.push(pick(leaks)());
  return parts.join('\n\n');
}

const answers = Array.from({ length: 2000 }, makeAnswer);
const bytes = answers.reduce((sum, answer) => sum + answer.length, 0);
const validator = await createSafetyValidator({}, { baseDir: '.' });
const caseRef = { id: 'bench', request: { messages: [] }, expect: {}, tags: [] };

for (const output of answers.slice(0, 200)) validator.validate({ output, case: caseRef }); // warm-up
let done = 0;
let failed = 0;
const started = process.hrtime.bigint();
const deadline = started + BigInt(Math.round(seconds * 1e9));
while (process.hrtime.bigint() < deadline) {
  for (const output of answers) {
    if (!validator.validate({ output, case: caseRef }).pass) failed += 1;
    done += 1;
  }
}
const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({
  bench: 'safety',
  answers: done,
  mean_answer_chars: Math.round(bytes / answers.length),
  seconds: Number(elapsed.toFixed(2)),
  answers_per_second: Math.round(done / elapsed),
  failing_share: Number((failed / done).toFixed(3)),
  target_answers_per_second: 2000,
}));
