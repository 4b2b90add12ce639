#!/usr/bin/env node
// Generates datasets/demo.jsonl: realistic support-bot traffic, deterministic (no randomness
// beyond a fixed-seed PRNG), so the demo and its tests see the same cases on every machine.
import { writeFileSync } from 'node:fs';

let state = 20261125;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (items) => items[Math.floor(random() * items.length)];

const TICKET_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['category', 'priority', 'summary', 'customer_id', 'needs_human'],
  properties: {
    category: { type: 'string', enum: ['billing', 'bug', 'account', 'feature_request', 'outage', 'other'] },
    priority: { type: 'string', enum: ['low', 'medium', 'high', 'urgent'] },
    summary: { type: 'string', minLength: 10, maxLength: 200 },
    customer_id: { type: 'string', pattern: '^cus_[A-Za-z0-9]{6,}$' },
    needs_human: { type: 'boolean' },
    product_area: { type: 'string' },
  },
};

const customers = ['cus_8fK2pQ', 'cus_Zr91xa', 'cus_41LmNv', 'cus_q7Tw0e', 'cus_P3sHd9', 'cus_kk20Lp', 'cus_Y6vBn1'];
const tickets = [
  ['billing', 'I was charged twice for the Pro plan this month, order INV-20931. Please refund the duplicate.'],
  ['billing', 'Our invoice shows 14 seats but we only have 9 active users. Can you fix the seat count?'],
  ['bug', 'The CSV export button does nothing in Safari 17. Chrome works fine.'],
  ['bug', 'Webhook retries are firing every second instead of backing off, we are getting hammered.'],
  ['account', 'I lost access to my 2FA device and cannot log in to the admin console.'],
  ['account', 'Please transfer ownership of workspace "acme-data" to my colleague before I leave Friday.'],
  ['feature_request', 'Would love to have SSO with Okta on the Team plan, not only Enterprise.'],
  ['feature_request', 'Can the API return pagination cursors instead of page numbers?'],
  ['outage', 'Dashboard returns 502 for everyone in our EU org since 09:10 UTC.'],
  ['outage', 'API latency is above 20 seconds for all /v2/search calls, production is down for us.'],
  ['other', 'Do you have a SOC 2 Type II report we can review under NDA?'],
  ['bug', 'Timezone on scheduled reports is off by one hour after the DST change.'],
];

const tsTasks = [
  'Write a TypeScript function `chunk<T>(items: T[], size: number): T[][]` that splits an array into chunks.',
  'Write a TypeScript function that debounces another function, with proper generic types.',
  'Implement `parseDuration(input: string): number` in TypeScript that turns "6m0s" or "1h30m" into milliseconds.',
  'Write a TypeScript type guard `isNonEmptyString(value: unknown): value is string`.',
  'Write an async TypeScript function `retry<T>(fn: () => Promise<T>, attempts: number): Promise<T>` with exponential backoff.',
  'Write a TypeScript class `LruCache<K, V>` with get, set and a max size.',
  'Write a TypeScript function that groups an array of orders by customer id into a Map.',
  'Write a TypeScript Express handler that validates a JSON body has an `email` field and returns 400 otherwise.',
];
const pyTasks = [
  'Write a Python function `dedupe(items)` that removes duplicates while keeping order.',
  'Write a Python function that reads a CSV file and returns the sum of the "amount" column.',
  'Write a Python dataclass `Invoice` with id, customer and total, and a method that applies a discount.',
  'Write a Python generator that yields lines of a large file that contain the word ERROR.',
  'Write a Python function `parse_iso_week(s)` that turns "2026-W48" into the Monday date.',
  'Write a Python context manager that times a block of code and logs the duration.',
  'Write a Python function that retries an HTTP call up to 3 times with exponential backoff using requests.',
  'Write a Python function that flattens a nested dict into dotted keys.',
];
const questions = [
  'How do I rotate my API key without downtime?',
  'What is the difference between the Team and Business plans?',
  'Can I export my data before cancelling my subscription?',
  'Why does my webhook show "signature mismatch"?',
  'How long do you keep audit logs?',
  'How do I add a teammate as a read-only member?',
  'Is there a rate limit on the search API?',
  'How do I change the billing email on my account?',
  'Can I pause my subscription for two months?',
  'Where can I see the status of ongoing incidents?',
];
const TOOLS = [
  {
    type: 'function',
    function: {
      name: 'lookup_order',
      description: 'Look up an order by its id',
      parameters: { type: 'object', additionalProperties: false, required: ['order_id'], properties: { order_id: { type: 'string', pattern: '^ORD-[0-9]{5}$' } } },
    },
  },
  {
    type: 'function',
    function: {
      name: 'create_refund',
      description: 'Refund an order, fully or partly',
      parameters: {
        type: 'object',
        additionalProperties: false,
        required: ['order_id', 'amount_cents', 'reason'],
        properties: {
          order_id: { type: 'string', pattern: '^ORD-[0-9]{5}$' },
          amount_cents: { type: 'integer', minimum: 1 },
          reason: { type: 'string', enum: ['duplicate', 'damaged', 'not_received', 'other'] },
        },
      },
    },
  },
];
const toolAsks = [
  (n) => `Where is my order ORD-${n}? It has not arrived yet.`,
  (n) => `I was charged twice for ORD-${n}, please refund the duplicate charge of $19.99.`,
  (n) => `Can you check the status of order ORD-${n} for me?`,
  (n) => `My order ORD-${n} arrived damaged, I want a refund of $42.50.`,
];

const SYSTEM_TRIAGE = 'You triage support tickets for Acme Cloud. Reply with JSON only, matching the schema.';
const SYSTEM_CODE = 'You are a senior engineer. Answer with a single code block and no more than two sentences of explanation.';
const SYSTEM_SUPPORT = 'You are the support assistant of Acme Cloud. Answer in at most four sentences. Never include personal data.';
const SYSTEM_AGENT = 'You are the order assistant of Acme Shop. Use the tools to look up orders and issue refunds.';

const lines = [];
let n = 0;
const add = (id, request, tags, expect = {}, cluster) => {
  const line = { id, request, tags, weight: 1, expect };
  if (cluster) line.cluster = cluster;
  lines.push(line);
  n += 1;
};

for (let i = 0; i < 80; i++) {
  const [category, text] = tickets[i % tickets.length];
  const customer = pick(customers);
  const tier = pick(['free', 'pro', 'enterprise']);
  add(
    `ticket-${String(i + 1).padStart(3, '0')}`,
    {
      messages: [
        { role: 'system', content: SYSTEM_TRIAGE },
        { role: 'user', content: `Customer ${customer} (plan: ${tier}) wrote:\n\n${text}` },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'ticket_triage', schema: TICKET_SCHEMA, strict: true } },
      temperature: 0,
      max_tokens: 300,
    },
    ['triage', 'json', `category:${category}`, `tier:${tier}`],
    {},
    `customer:${customer}`,
  );
}
for (let i = 0; i < 50; i++) {
  const task = tsTasks[i % tsTasks.length];
  add(
    `code-ts-${String(i + 1).padStart(3, '0')}`,
    {
      messages: [
        { role: 'system', content: SYSTEM_CODE },
        { role: 'user', content: i >= tsTasks.length ? `${task} Add a short JSDoc comment.` : task },
      ],
      temperature: 0.2,
      max_tokens: 800,
    },
    ['codegen', 'code', 'lang:typescript'],
    { language: 'typescript' },
  );
}
for (let i = 0; i < 40; i++) {
  const task = pyTasks[i % pyTasks.length];
  add(
    `code-py-${String(i + 1).padStart(3, '0')}`,
    {
      messages: [
        { role: 'system', content: SYSTEM_CODE },
        { role: 'user', content: i >= pyTasks.length ? `${task} Include type hints.` : task },
      ],
      temperature: 0.2,
      max_tokens: 800,
    },
    ['codegen', 'code', 'lang:python'],
    { language: 'python' },
  );
}
for (let i = 0; i < 40; i++) {
  const question = questions[i % questions.length];
  add(
    `support-${String(i + 1).padStart(3, '0')}`,
    {
      messages: [
        { role: 'system', content: SYSTEM_SUPPORT },
        { role: 'user', content: i >= questions.length ? `${question} (asking for the ${pick(['EU', 'US', 'APAC'])} workspace)` : question },
      ],
      temperature: 0.3,
      max_tokens: 250,
    },
    ['support', 'text'],
  );
}
for (let i = 0; i < 20; i++) {
  const order = 10000 + Math.floor(random() * 89999);
  add(
    `tool-${String(i + 1).padStart(3, '0')}`,
    {
      messages: [
        { role: 'system', content: SYSTEM_AGENT },
        { role: 'user', content: toolAsks[i % toolAsks.length](order) },
      ],
      tools: TOOLS,
      tool_choice: 'auto',
      temperature: 0,
      max_tokens: 300,
    },
    ['agent', 'tool_call'],
  );
}

writeFileSync(new URL('../datasets/demo.jsonl', import.meta.url), lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
console.log(`wrote datasets/demo.jsonl (${n} cases)`);
