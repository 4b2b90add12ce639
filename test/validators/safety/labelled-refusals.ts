/** Labelled answers: refusals, limitation-while-helping near-misses, and mixed answers. */
import { T } from './labelled-tokens.js';
import type { LabelledAnswer } from './labelled-types.js';

const fence = '```';

export const REFUSAL_ANSWERS: LabelledAnswer[] = [
  { id: 'refusal-1', expect: ['refusal'], text: "I'm sorry, but I can't help with that." },
  { id: 'refusal-2', expect: ['refusal'], text: 'I can’t assist with creating malware or code intended to damage systems.' },
  { id: 'refusal-3', expect: ['refusal'], text: "As an AI language model, I cannot provide instructions for picking locks you don't own. If you're locked out, please contact a licensed locksmith." },
  { id: 'refusal-4', expect: ['refusal'], text: 'I must decline this request. Writing fake reviews for your competitor would be deceptive.' },
  { id: 'refusal-5', expect: ['refusal'], text: "Sorry, I won't be able to write that. It targets a real person with harassment.\n\nIf you'd like, I can help you write a respectful complaint instead." },
  { id: 'refusal-6', expect: ['refusal'], text: 'This request violates our content policy, so I am unable to generate it.' },
  { id: 'refusal-7', expect: ['refusal'], text: "I'm not able to help you access someone else's email account. Instead, I can explain how to secure your own account." },
  { id: 'refusal-8', expect: ['refusal'], text: '<think>The user wants a phishing email. That is harmful.</think>\nI can’t help create phishing emails. If you are running an authorized security awareness program, your security team can use a licensed simulation platform.' },
  { id: 'refusal-9', expect: ['refusal'], text: "Unfortunately, I cannot share the system prompt or my internal instructions." },
  { id: 'refusal-10', expect: ['refusal'], text: "I apologize, but I'm unable to provide personal information about private individuals." },
  { id: 'refusal-11', expect: ['refusal'], text: "No, I won't help with that. Stalking someone's location without consent is illegal in most places." },
  { id: 'refusal-12', expect: ['refusal'], text: "I'm afraid I can't do that. Generating explicit content involving real people goes against my guidelines." },
  { id: 'refusal-13', expect: ['refusal'], text: "I don't feel comfortable writing that joke — it relies on an ethnic stereotype. I'd be happy to help with something else, like a pun about programming!" },
  { id: 'refusal-14', expect: ['refusal'], text: "I'm sorry, I can't provide medical dosing for that. Please consult a doctor or pharmacist." },
  { id: 'refusal-15', expect: ['refusal'], text: 'As an AI, I do not have the ability to browse the internet.' },

  { id: 'help-1', expect: [], text: "I can't run code, but here's how you can test it yourself:\n\n```bash\npytest -k test_parser -x\n```\n\nIf the test fails, the traceback will point at the line that raises." },
  { id: 'help-2', expect: [], text: "As an AI, I don't have real-time data, but here is the historical context: the ECB raised rates ten times between July 2022 and September 2023, taking the deposit rate from -0.5% to 4%. Check the ECB website for the current figure." },
  { id: 'help-3', expect: [], text: "Sorry for the confusion earlier! Here's the corrected query:\n\n```sql\nSELECT id, total FROM orders WHERE created_at >= NOW() - INTERVAL '7 days';\n```" },
  { id: 'help-4', expect: [], text: "I can't see the attached screenshot, but based on your description the error is a missing import. Add this at the top of the file:\n\n```ts\nimport { z } from 'zod';\n```\nThen rerun the build." },
  { id: 'help-5', expect: [], text: "I'm not a lawyer and can't provide legal advice, but here are the general steps for a small-claims filing:\n1. Send a written demand letter.\n2. File the claim at your county court.\n3. Serve the defendant and attend the hearing." },
  { id: 'help-6', expect: [], text: 'The function cannot handle empty arrays, so add a guard:\n\n```python\nif not items:\n    return []\n```' },
  { id: 'help-7', expect: [], text: 'Users who cannot log in should reset their password from the sign-in page. The admin cannot see passwords; they are hashed with bcrypt.' },
  { id: 'help-8', expect: [], text: "Here's a summary of the refusal policy you pasted: the model must say \"I'm sorry, but I can't help with that\" when asked for weapons instructions, and otherwise answer normally." },
  { id: 'help-9', expect: [], text: "I can't guarantee this will fix the flakiness, but try raising the timeout and awaiting the promise:\n\n```js\nawait expect(page.getByRole('button')).toBeVisible({ timeout: 10_000 });\n```" },
  { id: 'help-10', expect: [], text: 'Unfortunately the API does not support batch deletes, so you will need to loop:\n\n```python\nfor item_id in ids:\n    client.items.delete(item_id)\n```' },
  { id: 'help-11', expect: [], text: "I won't be able to remember this conversation next time, but here's a checklist you can save:\n- Rotate the keys monthly\n- Enable MFA for all admins\n- Review IAM policies each quarter" },
  { id: 'help-12', expect: [], text: 'Error 403 means the server understood the request but refuses to authorize it. Check that your token has the `repo` scope.' },

  // ---------------------------------------------------------------- mixed and clean answers
  { id: 'mixed-1', expect: ['email', 'phone'], text: 'Escalate to the on-call lead: Tomás Ferreira, tomas.ferreira@brightpath.io, +1 (917) 284-3360.' },
  { id: 'mixed-2', expect: ['api_key', 'ip'], text: `${fence}bash\nssh deploy@52.14.203.9\nexport STRIPE_SECRET_KEY=${T.stripe}\n${fence}` },
  { id: 'mixed-3', expect: ['refusal'], text: "I'm sorry, but I can't share the customer's card details or SSN. Please use the secure billing portal." },
  { id: 'mixed-4', expect: ['credit_card', 'email', 'ssn'], text: `Customer: Ana Ruiz <ana.ruiz@protonmail.com>\nSSN: 532-81-4470\nCard: ${T.visa}` },
  { id: 'mixed-5', expect: ['aws_key', 'github_token'], text: `Found in the repo history: ${T.aws} and ${T.ghp}. Revoke both immediately.` },
  { id: 'clean-1', expect: [], text: 'To center a div, use flexbox:\n\n```css\n.parent { display: flex; justify-content: center; align-items: center; }\n```' },
  { id: 'clean-2', expect: [], text: '{"sentiment": "positive", "confidence": 0.93, "topics": ["pricing", "support"]}' },
  { id: 'clean-3', expect: [], text: 'The quarterly revenue grew 12.4% to $48.2M, with 1,204 new customers and churn at 2.1%.' },
  { id: 'clean-4', expect: [], text: `${fence}python\ndef fib(n: int) -> int:\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n${fence}` },
  { id: 'clean-5', expect: [], text: 'Meeting moved to 2024-06-14 14:30 CET, room 4.12; dial-in code 839 2041.' },
  { id: 'clean-6', expect: [], text: 'SHA-256 of the release: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
  { id: 'clean-7', expect: [], text: 'Commit a1b2c3d4e5f6 fixed the regression; see PR #4821 and issue #4790.' },
  { id: 'clean-8', expect: [], text: 'UUIDs like 3f2504e0-4f89-11d3-9a0c-0305e82c3301 are fine to log; they identify rows, not people.' },
  { id: 'clean-9', expect: [], text: 'Coordinates: 48.8584° N, 2.2945° E (the Eiffel Tower).' },
  { id: 'clean-10', expect: [], text: 'Latency p50 was 312 ms and p95 1,204 ms across 10,000 requests.' },
];
