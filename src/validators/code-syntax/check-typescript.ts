/**
 * TypeScript, TSX, JavaScript and JSX through @typescript-eslint/typescript-estree, which runs the
 * TypeScript parser only (no type checker): type errors and unresolved names are not reported, as
 * they are not syntax errors. The TypeScript parser accepts type syntax in .js files (the checker
 * rejects it later), so JavaScript is walked for TypeScript-only nodes. No `filePath` is passed:
 * the parser then picks .ts/.tsx from `jsx`, and skipping the path handling doubles throughput.
 * The version-warning logger is off because it runs on every call.
 */
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { SyntaxCheck, SyntaxProblem } from './syntax-problem.js';

export interface EcmaDialect {
  typescript: boolean;
  jsx: boolean;
}

export function createEcmaCheck(dialect: EcmaDialect): SyntaxCheck {
  return (code) => {
    let program: TSESTree.Program;
    try {
      program = parse(code, { loc: true, range: false, comment: false, tokens: false, jsx: dialect.jsx, jsDocParsingMode: 'none', loggerFn: false });
    } catch (error) {
      const { lineNumber, column, message } = error as Error & { lineNumber?: number; column?: number };
      return { message: message.split('\n')[0]!, line: lineNumber ?? 1, column: (column ?? 0) + 1 };
    }
    return dialect.typescript ? undefined : findTypeScriptSyntax(program);
  };
}

const TS_ONLY_FIELDS = ['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments'] as const;

function findTypeScriptSyntax(program: TSESTree.Program): SyntaxProblem | undefined {
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown> & { type?: string; loc?: TSESTree.SourceLocation };
    if (typeof node.type === 'string') {
      const found = describeTypeScriptOnly(node);
      if (found && node.loc) return { message: `${found} is TypeScript syntax, not JavaScript`, line: node.loc.start.line, column: node.loc.start.column + 1 };
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object') stack.push(item);
      if (value && typeof value === 'object' && !Array.isArray(value) && 'type' in value) stack.push(value);
    }
  }
  return undefined;
}

function describeTypeScriptOnly(node: Record<string, unknown> & { type?: string }): string | undefined {
  const type = node.type!;
  if (type.startsWith('TS')) return labelOf(type);
  for (const field of TS_ONLY_FIELDS) if (node[field]) return field === 'typeAnnotation' || field === 'returnType' ? 'a type annotation' : 'a type parameter list';
  if (node.accessibility || node.abstract === true || node.declare === true || node.definite === true || node.override === true) return 'a class member modifier';
  if (node.importKind === 'type' || node.exportKind === 'type') return 'a type-only import or export';
  if ((type === 'Identifier' || type === 'PropertyDefinition') && node.optional === true) return 'an optional marker "?"';
  if (type === 'ClassDeclaration' || type === 'ClassExpression') {
    if (Array.isArray(node.implements) && node.implements.length > 0) return 'an implements clause';
  }
  return undefined;
}

function labelOf(type: string): string {
  if (type === 'TSAsExpression' || type === 'TSSatisfiesExpression' || type === 'TSTypeAssertion') return 'a type assertion';
  if (type === 'TSNonNullExpression') return 'a non-null assertion "!"';
  if (type === 'TSInterfaceDeclaration') return 'an interface';
  if (type === 'TSTypeAliasDeclaration') return 'a type alias';
  if (type === 'TSEnumDeclaration') return 'an enum';
  return `"${type.slice(2)}"`;
}
