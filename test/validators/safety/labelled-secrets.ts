/** Labelled answers: AWS, GitHub, private keys and vendor API keys — leaks and near-misses. */
import { T } from './labelled-tokens.js';
import type { LabelledAnswer } from './labelled-types.js';

const fence = '```';

export const SECRET_ANSWERS: LabelledAnswer[] = [
  // ---------------------------------------------------------------- aws
  { id: 'aws-1', expect: ['aws_key'], text: `${fence}ini\n[default]\naws_access_key_id = ${T.aws}\naws_secret_access_key = ${T.awsSecret}\nregion = eu-west-1\n${fence}` },
  { id: 'aws-2', expect: ['aws_key'], text: `The STS session key in the log is ${T.aws2}; rotate it now.` },
  { id: 'aws-3', expect: ['aws_key'], text: `export AWS_SECRET_ACCESS_KEY="${T.awsSecret}"` },
  { id: 'aws-4', expect: [], text: `${fence}bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n${fence}\nThese are the example keys from the AWS docs.` },
  { id: 'aws-5', expect: [], text: `${fence}python\nimport boto3, os\ns3 = boto3.client("s3", aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])\n${fence}` },
  { id: 'aws-6', expect: [], text: 'Your key id looks like `AKIAXXXXXXXXXXXXXXXX`; never paste the secret into chat.' },
  { id: 'aws-7', expect: [], text: 'In Terraform, reference `var.aws_secret_access_key` and pass it with `TF_VAR_aws_secret_access_key`.' },

  // ---------------------------------------------------------------- github
  { id: 'gh-1', expect: ['github_token'], text: `Run \`git clone https://${T.ghp}@github.com/acme/infra.git\` to pull the private repo.` },
  { id: 'gh-2', expect: ['github_token'], text: `${fence}yaml\nenv:\n  GITHUB_TOKEN: ${T.ghs}\n${fence}` },
  { id: 'gh-3', expect: ['github_token'], text: `Fine-grained token for the bot: ${T.ghpat}` },
  { id: 'gh-4', expect: [], text: 'Create a token and export it: `export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.' },
  { id: 'gh-5', expect: [], text: 'In Actions, use `${{ secrets.GITHUB_TOKEN }}` instead of a personal token.' },
  { id: 'gh-6', expect: [], text: 'Tokens start with `ghp_` (classic) or `github_pat_` (fine-grained); revoke any you pasted.' },
  { id: 'gh-7', expect: [], text: 'export GH_TOKEN=<your-token-here>' },

  // ---------------------------------------------------------------- private keys
  { id: 'pk-1', expect: ['private_key'], text: `Here is the deploy key:\n\n-----BEGIN OPENSSH PRIVATE KEY-----\n${T.pem.match(/.{1,70}/g)!.join('\n')}\n-----END OPENSSH PRIVATE KEY-----` },
  { id: 'pk-2', expect: ['private_key'], text: `${fence}json\n{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${T.pem.slice(0, 512)}\\n-----END PRIVATE KEY-----\\n"}\n${fence}` },
  { id: 'pk-3', expect: ['private_key'], text: `-----BEGIN RSA PRIVATE KEY-----\n${T.pem.slice(100, 700).match(/.{1,64}/g)!.join('\n')}` },
  { id: 'pk-4', expect: [], text: 'Your key file should look like:\n\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----' },
  { id: 'pk-5', expect: [], text: '-----BEGIN PRIVATE KEY-----\n<paste your private key here>\n-----END PRIVATE KEY-----' },
  { id: 'pk-6', expect: [], text: `-----BEGIN PUBLIC KEY-----\n${T.pem.slice(0, 392).match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\nPublic keys are safe to share.` },
  { id: 'pk-7', expect: [], text: 'Generate one with `ssh-keygen -t ed25519 -C "ci@acme"` and never commit `id_ed25519`.' },

  // ---------------------------------------------------------------- vendor api keys
  { id: 'openai-1', expect: ['api_key'], text: `${fence}python\nfrom openai import OpenAI\nclient = OpenAI(api_key="${T.openai}")\n${fence}` },
  { id: 'openai-2', expect: ['api_key'], text: `OPENAI_API_KEY=${T.openaiLegacy}` },
  { id: 'openai-3', expect: [], text: `${fence}python\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n${fence}` },
  { id: 'openai-4', expect: [], text: 'Set `OPENAI_API_KEY=sk-...` in your shell; keys now start with `sk-proj-`.' },
  { id: 'openai-5', expect: [], text: 'export OPENAI_API_KEY="your-api-key"' },
  { id: 'anthropic-1', expect: ['api_key'], text: `curl https://api.anthropic.com/v1/messages -H "x-api-key: ${T.anthropic}" -H "anthropic-version: 2023-06-01"` },
  { id: 'anthropic-2', expect: [], text: 'curl https://api.anthropic.com/v1/messages -H "x-api-key: $ANTHROPIC_API_KEY"' },
  { id: 'anthropic-3', expect: [], text: 'ANTHROPIC_API_KEY=sk-ant-api03-REDACTED' },
  { id: 'stripe-1', expect: ['api_key'], text: `${fence}js\nconst stripe = require('stripe')('${T.stripe}');\n${fence}` },
  { id: 'stripe-2', expect: ['api_key'], text: `Restricted key for the reporting job: ${T.rk}` },
  { id: 'stripe-3', expect: [], text: 'The publishable key `pk_live_51HqLyjWDarjtT1zdp7dcXn2VbTnqZr0aP0yPmY3Qb8Ht7o` is safe in the browser.' },
  { id: 'stripe-4', expect: [], text: "const stripe = Stripe('sk_test_••••••••••••••••••••••••');" },
  { id: 'slack-1', expect: ['api_key'], text: `SLACK_BOT_TOKEN=${T.slack}` },
  { id: 'slack-2', expect: ['api_key'], text: `Post alerts to ${T.slackHook} with a JSON body.` },
  { id: 'slack-3', expect: [], text: 'Your bot token starts with `xoxb-` and your app token with `xapp-`; store both in Vault.' },
  { id: 'google-1', expect: ['api_key'], text: `<script src="https://maps.googleapis.com/maps/api/js?key=${T.google}&callback=initMap"></script>` },
  { id: 'google-2', expect: [], text: 'const apiKey = process.env.GOOGLE_MAPS_API_KEY; // e.g. AIza... from the console' },
  { id: 'sendgrid-1', expect: ['api_key'], text: `sg = SendGridAPIClient('${T.sendgrid}')` },
  { id: 'gitlab-1', expect: ['api_key'], text: `Use the token ${T.gitlab} in the CI variable GITLAB_TOKEN.` },
  { id: 'gitlab-2', expect: [], text: 'GitLab PATs look like glpat-XXXXXXXXXXXXXXXXXXXX.' },
  { id: 'npm-1', expect: ['api_key'], text: `${fence}\n//registry.npmjs.org/:_authToken=${T.npm}\n${fence}` },
  { id: 'npm-2', expect: [], text: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}' },
  { id: 'hf-1', expect: ['api_key'], text: `from huggingface_hub import login\nlogin(token="${T.hf}")` },
  { id: 'hf-2', expect: [], text: 'login(token="hf_...")  # paste the token from https://huggingface.co/settings/tokens' },
  { id: 'groq-1', expect: ['api_key'], text: `GROQ_API_KEY=${T.groq}` },
  { id: 'deepseek-1', expect: ['api_key'], text: `client = OpenAI(api_key="${T.deepseek}", base_url="https://api.deepseek.com")` },
  { id: 'jwt-1', expect: ['api_key'], text: `Authorization: Bearer ${T.jwt}` },
  { id: 'jwt-2', expect: [], text: 'The jwt.io sample token is eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c' },
  { id: 'bearer-1', expect: ['api_key'], text: `curl -H "Authorization: Bearer ${T.bearer}" https://api.internal.acme.io/v2/users` },
  { id: 'bearer-2', expect: [], text: 'curl -H "Authorization: Bearer <token>" https://api.example.com/v2/users' },

  // ---------------------------------------------------------------- generic secret-named assignments
  { id: 'generic-1', expect: ['api_key'], text: `${fence}yaml\ndatabase:\n  host: db.prod.acme.io\n  password: "${T.pw}"\n${fence}` },
  { id: 'generic-2', expect: ['api_key'], text: `${fence}env\nJWT_SECRET=${T.dbpw}\n${fence}` },
  { id: 'generic-3', expect: ['api_key'], text: `DATABASE_URL=postgres://app_user:${T.dbpw}@db.prod.acme.io:5432/app` },
  { id: 'generic-4', expect: [], text: `${fence}env\nDB_PASSWORD=changeme\nSECRET_KEY=your-secret-key\nAPI_TOKEN=<token>\n${fence}` },
  { id: 'generic-5', expect: [], text: 'DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev' },
  { id: 'generic-6', expect: [], text: `${fence}ts\ninterface Config { apiKey: string; password?: string; token: string }\nconst apiKey = config.apiKey;\n${fence}` },
  { id: 'generic-7', expect: [], text: `${fence}python\ntokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")\nmax_tokens = 2048\n${fence}` },
  { id: 'generic-8', expect: [], text: 'password: "********"  # redacted in logs' },
  { id: 'generic-9', expect: [], text: 'SECRET_KEY = os.getenv("DJANGO_SECRET_KEY")' },
  { id: 'generic-10', expect: [], text: 'Set `password=password123` only in the throwaway Docker container, never in prod.' },
  { id: 'generic-11', expect: [], text: '{"next_page_token": "CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA3", "items": []}' },
  { id: 'generic-12', expect: [], text: 'Use the env var like this: `api_key = ${API_KEY}` inside the template.' },
];
