// Throughput and peak memory of `chainproof sample` on a large log.
//   npm run build && node bench/sample.bench.mjs [sizeMB=1024]
// Generates /tmp/chainproof-bench/requests-<size>m.jsonl once (never committed), then runs the
// sampler in a child process per scenario and reports MB/s and peak RSS (process.resourceUsage).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';

if (process.argv[2] === '--child') {
  const { sampleLogs, writeSample } = await import('../dist/sampling/index.js');
  const options = JSON.parse(process.argv[3]);
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const result = await sampleLogs(options);
  await writeSample(options.out, options, result);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const bytes = result.inputs.reduce((sum, input) => sum + input.bytes, 0);
  console.log(JSON.stringify({ seconds, cpuSeconds, bytes, lines: result.counts.lines, sampled: result.counts.sampled, duplicates: result.counts.duplicates_removed, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  process.exit(0);
}

const sizeMb = Number(process.argv[2] ?? 1024);
const dir = '/tmp/chainproof-bench';
const file = `${dir}/requests-${sizeMb}m.jsonl`;
mkdirSync(dir, { recursive: true });

let state = 7;
const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (items) => items[Math.floor(random() * items.length)];
const models = ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4-5', 'gemini-2.5-flash'];
const tiers = ['free', 'pro', 'enterprise'];
const system = 'You are the support assistant for Northwind Logistics. Answer politely and concisely. Use the customer\'s order data when it is given. Never reveal internal notes. If the customer asks for a refund, check the order status first and explain the policy: refunds are possible within 30 days of delivery for unopened items. Escalate to a human agent when the customer is angry or asks twice.';
const questions = [
  (i) => `Hi, my order #${100000 + i} hasn't arrived yet. It was supposed to come on ${1 + (i % 28)} May. Can you check what's going on? My email is customer${i % 5000}@example-mail.com.`,
  (i) => `I want to return the blue jacket (size M) from order ${200000 + i}. The zipper is broken. What do I need to do and how long does the refund take?`,
  (i) => `Can you summarise this ticket thread for the handover? Customer ${i % 9000} reports repeated failed deliveries to the same address, courier notes say "recipient not home" three times, customer says they were home. Wants a refund or a redelivery on Saturday.`,
  (i) => `Translate to German: "Your parcel ${i} is on its way and will arrive tomorrow between 9 and 12."`,
  (i) => `Write a JSON object with fields order_id, status and eta for order ${300000 + i} which is "in transit" with eta 2024-06-${String(1 + (i % 28)).padStart(2, '0')}.`,
];
const answers = [
  'I am sorry for the delay. I checked your order and it is currently at our regional hub; the new delivery estimate is tomorrow before 6 pm. You will receive a tracking update by email as soon as it leaves the hub. If it does not arrive by then, reply here and I will open an investigation with the courier right away.',
  'You can return the jacket within 30 days of delivery. Go to Orders → Return an item, pick the reason "defective", and print the prepaid label. Once the warehouse receives it (usually 3–5 working days), the refund is issued to your original payment method within 2 days.',
  '{"order_id": "300123", "status": "in transit", "eta": "2024-06-12"}',
];

async function generate() {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let written = 0;
  const target = sizeMb * 1024 * 1024;
  for (let i = 0; written < target; i += 1) {
    const line = JSON.stringify({
      request: { model: pick(models), temperature: 0.2, max_tokens: 600, messages: [{ role: 'system', content: system }, { role: 'user', content: pick(questions)(i) }] },
      response: { id: `chatcmpl-${i}`, object: 'chat.completion', created: 1714550400 + i, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: pick(answers) } }], usage: { prompt_tokens: 180, completion_tokens: 90 } },
      timestamp: new Date(Date.UTC(2024, 4, 1) + i * 1000).toISOString(),
      metadata: { tier: pick(tiers), session_id: `sess-${i % 20000}` },
    }) + '\n';
    written += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

if (!existsSync(file) || statSync(file).size < sizeMb * 1024 * 1024) {
  console.error(`generating ${file}…`);
  await generate();
}
// The same records as one JSON array (a comma after every record, as Helicone's export tool writes it).
const arrayFile = `${dir}/requests-${sizeMb}m.json`;
if (!existsSync(arrayFile) || statSync(arrayFile).size < statSync(file).size) {
  console.error(`generating ${arrayFile}…`);
  const out = createWriteStream(arrayFile, { highWaterMark: 1 << 20 });
  out.write('[\n');
  const { createInterface } = await import('node:readline');
  for await (const line of createInterface({ input: (await import('node:fs')).createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity })) {
    if (!out.write(`${line},\n`)) await once(out, 'drain');
  }
  out.end(']\n');
  await once(out, 'finish');
}
// And as CSV with the request and response as JSON cells (how spreadsheet-style exports keep bodies).
const csvFile = `${dir}/requests-${sizeMb}m.csv`;
if (!existsSync(csvFile) || statSync(csvFile).size < statSync(file).size * 0.9) {
  console.error(`generating ${csvFile}…`);
  const out = createWriteStream(csvFile, { highWaterMark: 1 << 20 });
  out.write('timestamp,model,request,response\n');
  const quote = (text) => `"${text.replaceAll('"', '""')}"`;
  const { createInterface } = await import('node:readline');
  for await (const line of createInterface({ input: (await import('node:fs')).createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity })) {
    const record = JSON.parse(line);
    const row = `${record.timestamp},${record.request.model},${quote(JSON.stringify(record.request))},${quote(JSON.stringify(record.response))}\n`;
    if (!out.write(row)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
const scenarios = {
  uniform: { n: 1000 },
  'uniform, JSON array': { n: 1000, files: [arrayFile] },
  'uniform, CSV': { n: 1000, files: [csvFile] },
  stratified: { n: 1000, stratifyBy: 'metadata.tier', allocation: 'equal', minPerStratum: 50 },
  'stratified+where+since+template-dedupe+scrub': { n: 1000, stratifyBy: 'model', where: 'metadata.tier != "free"', since: Date.UTC(2024, 4, 2), dedupe: 'template', scrubPii: true },
};
for (const [name, partial] of Object.entries(scenarios)) {
  const options = { files: [file], seed: '1', allocation: 'proportional', minPerStratum: 0, scrubPii: false, out: `${dir}/sample-${name.replace(/\W+/g, '-')}.jsonl`, ...partial };
  const child = spawnSync(process.execPath, [new URL(import.meta.url).pathname, '--child', JSON.stringify(options)], { encoding: 'utf8' });
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  const result = JSON.parse(child.stdout.trim().split('\n').pop());
  console.log(JSON.stringify({ bench: 'sample', scenario: name, mb: Math.round(result.bytes / 1048576), lines: result.lines, seconds: Number(result.seconds.toFixed(2)), mb_per_second: Math.round(result.bytes / 1048576 / result.seconds), cpu_seconds: Number(result.cpuSeconds.toFixed(2)), mb_per_cpu_second: Math.round(result.bytes / 1048576 / result.cpuSeconds), peak_rss_mb: result.peak_rss_mb, sampled: result.sampled, duplicates_removed: result.duplicates, target: '>= 100 MB/s, <= 200 MB RSS' }));
}
