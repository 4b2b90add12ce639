/** The files `chainproof init` writes: a starter suite (real and simulated), a dataset, a CI workflow. */

const TICKET_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['category', 'priority', 'reply'],
  properties: {
    category: { type: 'string', enum: ['billing', 'technical', 'account', 'other'] },
    priority: { type: 'string', enum: ['low', 'normal', 'urgent'] },
    reply: { type: 'string', minLength: 1 },
  },
};

const TICKETS: Array<[string, string, string[]]> = [
  ['I was charged twice for my March invoice, can you refund one?', 'billing', ['billing']],
  ['The export button does nothing in Firefox 128.', 'technical', ['technical']],
  ['How do I add a second admin to our workspace?', 'account', ['account']],
  ['Our API calls return 502 since this morning, production is down!', 'technical', ['technical', 'urgent']],
  ['Can I switch from monthly to yearly billing mid-cycle?', 'billing', ['billing']],
  ['I forgot which email I signed up with.', 'account', ['account']],
  ['Webhook retries are hammering our server, how do I slow them down?', 'technical', ['technical']],
  ['Please delete all my data under GDPR.', 'account', ['account', 'privacy']],
  ['Do you offer discounts for nonprofits?', 'billing', ['billing']],
  ['The CSV import skips rows with accented names.', 'technical', ['technical']],
  ['Is there a status page I can subscribe to?', 'other', ['other']],
  ['Our card was declined but the bank says it is fine.', 'billing', ['billing', 'urgent']],
];

export function renderStarterDataset(): string {
  return (
    TICKETS.map(([text, category, tags], index) =>
      JSON.stringify({
        id: `ticket-${String(index + 1).padStart(3, '0')}`,
        request: {
          messages: [
            { role: 'system', content: 'You triage support tickets. Answer with JSON: category, priority and a short reply to the customer.' },
            { role: 'user', content: text },
          ],
          response_format: { type: 'json_schema', json_schema: { name: 'ticket', schema: TICKET_SCHEMA, strict: true } },
          temperature: 0,
          max_tokens: 300,
        },
        tags: [...tags, `expected:${category}`],
      }),
    ).join('\n') + '\n'
  );
}

export function renderStarterSuite(): string {
  return `# A starter chainproof suite: replays the support tickets in datasets/starter.jsonl against a
# primary and two fallbacks, and proposes a chain of the ones that hold up.
# Keys come from the environment: OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY.
name: starter
datasets:
  - path: ../datasets/starter.jsonl
candidates:
  - id: gpt-4o-mini
    provider: openai
    model: gpt-4o-mini
  - id: claude-haiku
    provider: anthropic
    model: claude-haiku-4-5
    params: {max_tokens: 1024}
  - id: gemini-flash
    provider: gemini
    model: gemini-2.5-flash
baseline_chain: [gpt-4o-mini, claude-haiku]
validators: [json-schema]
qualify:
  margin: 0.05
  max_error_rate: 0.02
run:
  concurrency: 8
  timeout_ms: 30000
  retries: 2
  budget_usd: 2
export: [litellm, portkey, openrouter]
`;
}

export function renderSimulatedSuite(): string {
  return `# The starter suite against the local simulator: no keys, no cost. Try the tool with it:
#   chainproof run suites/starter-simulated.suite.yaml
name: starter-simulated
datasets:
  - path: ../datasets/starter.jsonl
candidates:
  - id: primary
    provider: simulated
    protocol: openai
    model: sim-primary
    simulate: {quality: 0.95, latency_ms: {p50: 400, p95: 1200}, errors: {rate_limited: 0.02}}
  - id: fallback-a
    provider: simulated
    protocol: anthropic
    model: sim-fallback-a
    simulate: {quality: 0.93, latency_ms: {p50: 600, p95: 1800}, errors: {overloaded: 0.01}}
  - id: fallback-b
    provider: simulated
    protocol: openai
    model: sim-fallback-b
    simulate: {quality: 0.7, latency_ms: {p50: 200, p95: 500}}
baseline_chain: [primary, fallback-a]
validators: [json-schema]
`;
}

export function renderWorkflow(options: { suite: string; shards: number; version: string }): string {
  const shardList = Array.from({ length: options.shards }, (_, index) => index + 1).join(', ');
  return `# chainproof: replays the suite on every pull request that touches it, posts the report and gates
# the merge. The suite runs in ${options.shards} shards in parallel; the gate job merges them.
name: chainproof
on:
  pull_request:
    paths: ['suites/**', 'datasets/**', '.github/workflows/chainproof.yml']
  workflow_dispatch:
permissions:
  contents: read
  pull-requests: write
concurrency:
  group: chainproof-\${{ github.ref }}
  cancel-in-progress: true
jobs:
  run:
    runs-on: ubuntu-latest
    strategy:
      fail-fast: false
      matrix:
        shard: [${shardList}]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install --global chainproof@${options.version}
      - name: Run shard \${{ matrix.shard }}/${options.shards}
        # Exit 1 (a shard's own qualification failed) is judged by the gate job on the merged run;
        # 2 (bad input) and 3 (could not complete) fail here.
        run: chainproof run ${options.suite} --shard \${{ matrix.shard }}/${options.shards} --out reports/shard-\${{ matrix.shard }} || test $? -eq 1
        env:
          OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}
          ANTHROPIC_API_KEY: \${{ secrets.ANTHROPIC_API_KEY }}
          GEMINI_API_KEY: \${{ secrets.GEMINI_API_KEY }}
      - uses: actions/upload-artifact@v4
        with:
          name: chainproof-shard-\${{ matrix.shard }}
          path: reports/shard-\${{ matrix.shard }}
  gate:
    needs: run
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install --global chainproof@${options.version}
      - uses: actions/download-artifact@v4
        with:
          pattern: chainproof-shard-*
          path: shards
      # Each shard artifact holds one run directory (reports/shard-N/<run-id>/).
      - run: chainproof merge shards/chainproof-shard-*/*/ --out reports/merged
      - run: chainproof report reports/merged --format md --out report.md
      - name: Summary
        run: cat report.md >> "$GITHUB_STEP_SUMMARY"
      - name: Comment on the pull request
        if: github.event_name == 'pull_request'
        env:
          GH_TOKEN: \${{ github.token }}
        run: gh pr comment \${{ github.event.pull_request.number }} --repo \${{ github.repository }} --body-file report.md --edit-last || gh pr comment \${{ github.event.pull_request.number }} --repo \${{ github.repository }} --body-file report.md
      - run: chainproof report reports/merged --format junit --out reports/merged/junit.xml
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: chainproof-report
          path: reports/merged
      - name: Gate
        run: chainproof gate reports/merged
`;
}
