import { describe, expect, it } from 'vitest';
import { detectSensitive } from '../../src/validators/safety/index.js';
import { sampleLogs, toTemplate } from '../../src/sampling/index.js';
import { caseLine, createTempDir, options, writeLog } from './helpers.js';

function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => collectStrings(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => collectStrings(item, out));
  return out;
}

describe('de-duplication', () => {
  const dir = createTempDir();

  it('collapses whitespace variants in exact mode and keeps the count as weight', async () => {
    const file = writeLog(dir, 'exact.jsonl', [caseLine('a', 'Where is  my order?'), caseLine('b', 'Where is my order?\n'), caseLine('c', 'Where is my order 12?')]);
    const result = await sampleLogs(options([file], { dedupe: 'exact' }));
    expect(result.cases.map((sampled) => [sampled.id, sampled.weight])).toEqual([['a', 2], ['c', 1]]);
    expect(result.counts.duplicates_removed).toBe(1);
  });

  it('collapses prompts that differ only in variables in template mode', async () => {
    const file = writeLog(dir, 'template.jsonl', [
      caseLine('a', 'Refund order 4411 for ana@northwind.io, ticket "late parcel"'),
      caseLine('b', 'Refund order 9120 for li.wei@brightpath.co, ticket "broken zipper"'),
      caseLine('c', 'Refund order ORD-77A1 for omar@x.io, ticket "never arrived"'),
      caseLine('d', 'Cancel order 4411 please'),
    ]);
    const result = await sampleLogs(options([file], { dedupe: 'template' }));
    expect(result.cases.map((sampled) => [sampled.id, sampled.weight])).toEqual([['a', 3], ['d', 1]]);
  });

  it('keeps a weight of summed line weights and de-duplicates within a stratum only', async () => {
    const file = writeLog(dir, 'strata.jsonl', [
      caseLine('a', 'hello', { weight: 2, tags: ['x'] }),
      caseLine('b', 'hello', { weight: 3, tags: ['x'] }),
      caseLine('c', 'hello', { tags: ['y'] }),
    ]);
    const result = await sampleLogs(options([file], { dedupe: 'exact', stratifyBy: 'tags' }));
    expect(result.cases.map((sampled) => [sampled.id, sampled.weight])).toEqual([['a', 5], ['c', 1]]);
  });

  it('templates numbers, ids, e-mails, URLs, UUIDs and quoted strings', () => {
    expect(toTemplate('User 3f2504e0-4f89-11d3-9a0c-0305e82c3301 (usr_8f9a2) paid $12.50 at https://x.io/a?b=1 — "thanks" from a@b.io'))
      .toBe('User <UUID> (<ID>) paid $<NUM> at <URL> — <STR> from <EMAIL>');
  });
});

describe('scrubbing', () => {
  const dir = createTempDir();
  const secret = 'sk_live_7fxyctkC6JAXXGWdjwhA0BlBWUEIU8k2Z2';
  const lines = [
    {
      request: {
        messages: [
          { role: 'system', content: 'Agent notes: customer ana.ruiz@protonmail.com, phone (415) 867-2290.' },
          { role: 'user', content: `I am ana.ruiz@protonmail.com, my card 4778 5008 3450 7346 failed; cc li.wei@brightpath.co. Key: ${secret}` },
          { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"email":"ana.ruiz@protonmail.com","ip":"185.220.101.47"}' } }] },
        ],
      },
      response: 'I emailed ana.ruiz@protonmail.com. SSN on file 512-48-3391, IBAN DE96 1206 6436 1463 8717 89.',
      tags: ['user:ana.ruiz@protonmail.com'],
      session_id: 'ana.ruiz@protonmail.com',
    },
  ];

  it('leaves no detected PII anywhere in the case, and never writes the raw values', async () => {
    const file = writeLog(dir, 'pii.jsonl', lines);
    const result = await sampleLogs(options([file], { scrubPii: true }));
    const [sampled] = result.cases;
    for (const text of collectStrings(sampled)) expect(detectSensitive(text, { includePrivateIps: true }), text).toEqual([]);
    const serialised = JSON.stringify(sampled);
    for (const raw of ['ana.ruiz@protonmail.com', '4778 5008 3450 7346', secret, '185.220.101.47', '512-48-3391', '(415) 867-2290']) expect(serialised).not.toContain(raw);
  });

  it('scrubs a log\'s own id when it is personal, keeping ids unique', async () => {
    const line = { request: { messages: [{ role: 'user', content: 'hi' }] }, response: 'hello' };
    const file = writeLog(dir, 'pii-ids.jsonl', [{ ...line, id: 'ana.ruiz@protonmail.com' }, { ...line, id: 'bo@example-mail.org' }, { ...line, id: 'req-3' }]);
    const result = await sampleLogs(options([file], { scrubPii: true }));
    expect(result.cases.map((sampled) => sampled.id)).toEqual(['<EMAIL_1>', '<EMAIL_1>~2', 'req-3']);
    expect(result.placeholders).toEqual({ email: 2 });
  });

  it('uses one placeholder per value across the case, numbered per category, and counts them', async () => {
    const file = writeLog(dir, 'pii2.jsonl', lines);
    const result = await sampleLogs(options([file], { scrubPii: true }));
    const [sampled] = result.cases;
    const messages = sampled!.request.messages;
    expect(messages[0]!.content).toBe('Agent notes: customer <EMAIL_1>, phone <PHONE_1>.');
    expect(messages[1]!.content).toBe('I am <EMAIL_1>, my card <CREDIT_CARD_1> failed; cc <EMAIL_2>. Key: <API_KEY_1>');
    expect(messages[2]!.tool_calls![0]!.function.arguments).toBe('{"email":"<EMAIL_1>","ip":"<IP_1>"}');
    expect(sampled!.expect?.reference).toBe('I emailed <EMAIL_1>. SSN on file <SSN_1>, IBAN <IBAN_1>.');
    expect(sampled!.tags).toEqual(['user:<EMAIL_1>']);
    expect(sampled!.cluster).toBe('<EMAIL_1>');
    expect(result.placeholders).toEqual({ email: 7, phone: 1, credit_card: 1, api_key: 1, ip: 1, ssn: 1, iban: 1 });
  });
});
