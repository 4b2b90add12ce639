/**
 * Vendor secret formats, as data. Patterns follow gitleaks' rules (prefix, alphabet, length); the
 * `body` group is what must look random (entropy, no placeholder markers). Publishable keys
 * (`pk_live_`, Stripe/Clerk/Supabase anon keys) are public by design and have no rule here.
 */
import type { SensitiveCategory } from './types.js';

export interface SecretRule {
  id: string;
  category: SensitiveCategory;
  /** Must be global; group 1 is the random body when present. */
  pattern: RegExp;
  /** Cheap pre-check: the rule only runs when the text contains one of these. */
  keywords: string[];
  minEntropy?: number;
}

const END = '(?![A-Za-z0-9_-])';
const START = '(?<![A-Za-z0-9_-])';

function rule(id: string, category: SensitiveCategory, source: string, keywords: string[], minEntropy?: number): SecretRule {
  return { id, category, pattern: new RegExp(`${START}${source}${END}`, 'g'), keywords, minEntropy };
}

export const SECRET_RULES: SecretRule[] = [
  rule('aws-access-key-id', 'aws_key', '(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)([A-Z2-7]{16})', ['A3T', 'AKIA', 'ASIA', 'ABIA', 'ACCA'], 2.5),
  rule('github-pat', 'github_token', 'gh[pousr]_([A-Za-z0-9]{36,251})', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_']),
  rule('github-fine-grained-pat', 'github_token', 'github_pat_([A-Za-z0-9]{22}_[A-Za-z0-9]{59})', ['github_pat_']),
  rule('anthropic', 'api_key', 'sk-ant-(?:api03|admin01|oat01|ort01)-([A-Za-z0-9_-]{40,})', ['sk-ant-']),
  rule('openai-project', 'api_key', 'sk-(?:proj|svcacct|admin|None)-([A-Za-z0-9_-]{40,})', ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-None-']),
  rule('openai-legacy', 'api_key', 'sk-([A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})', ['T3BlbkFJ']),
  rule('openrouter', 'api_key', 'sk-or-v1-([a-f0-9]{64})', ['sk-or-']),
  // DeepSeek, Moonshot and other OpenAI-style keys: `sk-` and 32+ alphanumerics.
  rule('openai-style', 'api_key', 'sk-([A-Za-z0-9]{32,})', ['sk-']),
  rule('stripe-secret', 'api_key', '(?:sk|rk)_(?:live|test|prod)_([A-Za-z0-9]{20,247})', ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'sk_prod_', 'rk_prod_']),
  rule('stripe-webhook-secret', 'api_key', 'whsec_([A-Za-z0-9+/]{32,})', ['whsec_']),
  rule('slack-token', 'api_key', 'xox[abposre]-((?:\\d{6,13}-){1,3}[A-Za-z0-9-]{8,})', ['xox']),
  rule('slack-app-token', 'api_key', 'xapp-\\d-([A-Z0-9]+-\\d+-[a-z0-9]+)', ['xapp-']),
  rule('slack-webhook', 'api_key', 'https://hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9+/]{20,}(?:/[A-Za-z0-9]{8,})*)', ['hooks.slack.com']),
  rule('google-api-key', 'api_key', 'AIza([0-9A-Za-z_-]{35})', ['AIza']),
  rule('google-oauth-secret', 'api_key', 'GOCSPX-([A-Za-z0-9_-]{28})', ['GOCSPX-']),
  rule('google-oauth-token', 'api_key', 'ya29\\.([0-9A-Za-z_-]{30,})', ['ya29.']),
  rule('sendgrid', 'api_key', 'SG\\.([A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})', ['SG.']),
  rule('gitlab-token', 'api_key', 'gl(?:pat|ptt|dt|rt|soat|ffct|ft|imt|oas|cbt|agent)-([0-9A-Za-z_.-]{20,300})', ['glpat-', 'glptt-', 'gldt-', 'glrt-', 'glsoat-', 'glffct-', 'glft-', 'glimt-', 'gloas-', 'glcbt-', 'glagent-']),
  rule('npm-token', 'api_key', 'npm_([A-Za-z0-9]{36})', ['npm_']),
  rule('huggingface-token', 'api_key', '(?:hf|api_org)_([A-Za-z]{34})', ['hf_', 'api_org_']),
  rule('groq', 'api_key', 'gsk_([A-Za-z0-9]{48,})', ['gsk_']),
  rule('xai', 'api_key', 'xai-([A-Za-z0-9]{70,})', ['xai-']),
  rule('jwt', 'api_key', 'eyJ[A-Za-z0-9_-]{8,}\\.(eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,})', ['eyJ'], 3.5),
];

/** Tokens documented publicly, e.g. the jwt.io sample ("John Doe", sub 1234567890). */
export const PUBLIC_SAMPLE_TOKENS = ['eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ'];
