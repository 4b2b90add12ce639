import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/core/errors.js';
import { createCodeSyntaxValidator } from '../../src/validators/code-syntax.js';
import { createValidators } from '../../src/validators/create-validators.js';
import { makeInput } from './helpers.js';

const validator = createCodeSyntaxValidator();
const check = (output: string, language: string) => validator.validate(makeInput(output, { expect: { language } }));

describe('code-syntax: JavaScript family', () => {
  it('passes TypeScript with type errors and unknown names (syntax only)', async () => {
    expect((await check('```ts\nconst n: number = "x";\nundefinedThing(n);\n```', 'typescript')).pass).toBe(true);
  });

  it('fails a TypeScript syntax error with the line and column in the answer', async () => {
    const verdict = await check('Here is the fix:\n\n```typescript\nfunction f(a: string {\n  return a;\n}\n```', 'typescript');
    expect(verdict).toMatchObject({ pass: false, categories: ['syntax_error'] });
    expect(verdict.reasons[0]!.location).toBe('4:22');
  });

  it('fails TypeScript-only syntax as JavaScript, in any block', async () => {
    const verdict = await check('```js\nconst x: number = 1;\n```', 'javascript');
    expect(verdict.pass).toBe(false);
    expect(verdict.reasons[0]!.message).toContain('TypeScript syntax');
    expect((await check('```ts\ninterface A { a: 1 }\n```', 'javascript')).pass).toBe(false);
    expect((await check('```ts\ninterface A { a: 1 }\n```', 'typescript')).pass).toBe(true);
  });

  it('allows JSX in tsx and javascript, not in ts', async () => {
    const jsx = 'export const A = () => <div className="a">{1}</div>;';
    expect((await check('```tsx\n' + jsx + '\n```', 'typescript')).pass).toBe(true);
    expect((await check('```jsx\n' + jsx + '\n```', 'javascript')).pass).toBe(true);
    expect((await check('```ts\n' + jsx + '\n```', 'typescript')).pass).toBe(false);
  });

  it('checks every tagged block and ignores other languages and untagged shell beside them', async () => {
    const answer = 'Install:\n```\nnpm i zod\n```\n```bash\nnode x\n```\n```ts\nconst a = 1;\n```\n```ts\nconst b = ;\n```';
    const verdict = await check(answer, 'typescript');
    expect(verdict.pass).toBe(false);
    expect(verdict.reasons[0]!.location).toBe('12:11');
  });

  it('checks untagged fences when nothing is tagged, and the whole answer with no fence', async () => {
    expect((await check('```\nconst a = 1\n```', 'javascript')).pass).toBe(true);
    expect((await check('const a = 1;\nexport default a;', 'javascript')).pass).toBe(true);
    expect((await check('Sure — use a const for that.', 'javascript')).pass).toBe(false);
  });
});

describe('code-syntax: Python', () => {
  it('passes modern Python and fails classic mistakes with locations', async () => {
    expect((await check('```python\nmatch x:\n    case [a, b]:\n        print(f"{a!r}")\n```', 'python')).pass).toBe(true);
    expect(await check('```python\ndef f(x)\n    return x\n```', 'python')).toMatchObject({ pass: false, reasons: [{ location: '2:9' }] });
    expect((await check('```py\nprint "hi"\n```', 'python')).reasons[0]!.message).toContain('Python 2 print');
    expect((await check("```python\nx = 'open\n```", 'python')).reasons[0]!.message).toContain('unterminated');
    expect((await check('```python\nfor i in x:\n    a(i)\n  b(i)\n```', 'python')).reasons[0]!.message).toContain('indentation');
    expect((await check('```python\nif a:\n    b()\n  else:\n    c()\n```', 'python')).pass).toBe(false);
  });

  it('does not confuse a multi-line conditional expression with a misplaced else', async () => {
    expect((await check('x = (a\n     if b\n  else c)\n', 'python')).pass).toBe(true);
  });
});

describe('code-syntax: SQL and JSON', () => {
  it('passes SQL valid in any common dialect for plain sql, fails broken SQL', async () => {
    expect((await check('```sql\nSELECT id FROM users WHERE id = 1;\n```', 'sql')).pass).toBe(true);
    expect((await check('```sql\nSELECT `id` FROM users LIMIT 1, 2\n```', 'sql')).pass).toBe(true);
    expect(await check('```sql\nSELECT * FROM users WHERE\n```', 'sql')).toMatchObject({ pass: false, categories: ['syntax_error'] });
  });

  it('uses the dialect a case names', async () => {
    expect((await check('```sql\nSELECT data->>\'a\' FROM t\n```', 'postgresql')).pass).toBe(true);
  });

  it('checks JSON strictly', async () => {
    expect((await check('```json\n{"a": 1,}\n```', 'json')).pass).toBe(false);
    expect((await check('```jsonc\n{"a": 1, // c\n}\n```', 'json')).pass).toBe(true);
  });
});

describe('code-syntax applicability and errors', () => {
  it('is not applicable without a language or outside the languages option', async () => {
    expect(await validator.validate(makeInput('x'))).toMatchObject({ pass: true, categories: ['not_applicable'] });
    const [onlyPython] = await createValidators([{ 'code-syntax': { languages: ['python'] } }], { baseDir: '.' });
    expect(await onlyPython!.validate(makeInput('x', { expect: { language: 'typescript' } }))).toMatchObject({ categories: ['not_applicable'] });
    expect(await onlyPython!.validate(makeInput('x', { expect: { language: 'rust' } }))).toMatchObject({ categories: ['not_applicable'] });
  });

  it('fails an answer that has no code of the language, or is only reasoning', async () => {
    expect(await check('```bash\nls\n```', 'python')).toMatchObject({ pass: false, categories: ['no_code'] });
    expect(await check('<think>print(1)</think>', 'python')).toMatchObject({ pass: false, categories: ['no_code'] });
  });

  it('rejects an unsupported language as a user error', async () => {
    expect(() => validator.check!(makeInput('', { expect: { language: 'cobol' } }).case)).toThrow(UserInputError);
    await expect(createValidators([{ 'code-syntax': { languages: ['cobol'] } }], { baseDir: '.' })).rejects.toThrow(/unsupported language/);
  });
});
