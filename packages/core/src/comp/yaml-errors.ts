// Line-precise errors for plans and scenarios (DESIGN §6: "validated with a schema that gives
// line-precise errors"). YAML is parsed keeping every number exactly as written ("0.10" stays the
// text "0.10"), so money and rates reach Decimal without passing through a JS float.
import { LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { AttainError } from '../errors.ts';
import { offsetOfPath } from '../yaml/offset-of-path.ts';

export interface YamlSource {
  /** The document as plain values; numbers are their source text. */
  readonly value: unknown;
  /** The 1-based line of the deepest node found along a dotted path ("components.0.tiers.1.rate"). */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export interface Problem {
  readonly path: string;
  readonly message: string;
  readonly line?: number | undefined;
}

export function readYaml(text: string, source: string, code: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line;
    throw invalid(code, source, [{ path: '', message: syntax.message.split('\n')[0]!, line }]);
  }
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && typeof node.source === 'string') node.value = node.source;
    },
  });
  return {
    value: doc.toJS() ?? {},
    lineOf: (path) => lineCounter.linePos(offsetOfPath(doc.contents, path.map(String))).line,
  };
}

/** Zod issues as problems: unknown fields lead, since a misspelt field usually causes the rest. */
export function problemsOf(
  error: z.ZodError,
  lineOf?: YamlSource['lineOf'],
  prefix: readonly string[] = [],
): Problem[] {
  const problems = error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key], message: 'unknown field' }));
    }
    const missing = 'input' in issue && issue.input === undefined;
    return [{ path, message: missing ? 'is required' : issue.message }];
  });
  return problems
    .map(({ path, message }) => ({ path: path.join('.'), message, line: lineOf?.(path) }))
    .sort((a, b) => Number(b.message === 'unknown field') - Number(a.message === 'unknown field'));
}

/** PLAN_INVALID / SCENARIO_INVALID naming the first problem's path and line; all problems in details. */
export function invalid(code: string, source: string, problems: readonly Problem[]): AttainError {
  const [first] = problems;
  const where = first?.line === undefined ? source : `${source} line ${first.line}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  const subject = first?.path ? `${first.path}: ` : '';
  return new AttainError(
    code,
    `Invalid ${code === 'PLAN_INVALID' ? 'plan' : 'scenario'} ${where}: ${subject}${first?.message}${more}`,
    {
      source,
      line: first?.line,
      path: first?.path,
      problems,
    },
  );
}
