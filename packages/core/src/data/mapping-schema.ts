// The mapping file of DESIGN §4: how one file becomes one entity. This format is relied on from
// outside Attain — keep it stable. An unknown field anywhere is MAPPING_INVALID with its path, and
// with its line when the mapping came from YAML.
//
// YAML is read with the failsafe schema, so every scalar is text exactly as written: `0: open`,
// `"true|false": lost` and `defaults: { probability: 0.50 }` keep their spelling.
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { AttainError } from '../errors.ts';
import { offsetOfPath } from '../yaml/offset-of-path.ts';
import { ENTITY_COLUMNS, ENTITY_NAMES, type EntityName } from './entity-columns.ts';
import { DATE_FORMATS, parseValue } from './parse-value.ts';

export { DATE_FORMATS, type DateFormat } from './parse-value.ts';

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const fileColumn = z.string().trim().min(1, 'a file column name is required');

export const mappingSchema = z
  .strictObject({
    entity: z.enum(ENTITY_NAMES, { error: `entity must be one of ${ENTITY_NAMES.join(', ')}` }),
    /** canonical column -> the file's column */
    columns: z.record(z.string(), fileColumn).optional(),
    /** per canonical column: trimmed file value -> canonical value; unmapped values pass through */
    values: z.record(z.string(), z.record(z.string(), scalar)).optional(),
    /** a canonical column computed from other file columns through values.<column>, joined with "|" */
    derive: z
      .record(
        z.string(),
        z.strictObject({
          from: z.union([fileColumn, z.array(fileColumn).min(1)], {
            error: 'from must be a file column or a list of file columns',
          }),
        }),
      )
      .optional(),
    /** used when the column has no source or its value is blank */
    defaults: z.record(z.string(), scalar).optional(),
    dateFormat: z.enum(DATE_FORMATS, { error: `dateFormat must be one of ${DATE_FORMATS.join(', ')}` }).optional(),
  })
  .superRefine((mapping, ctx) => {
    const specs = ENTITY_COLUMNS[mapping.entity];
    const names = specs.map((c) => c.name);
    const known = `columns of ${mapping.entity} are ${names.join(', ')}`;
    for (const field of ['columns', 'values', 'derive', 'defaults'] as const) {
      for (const column of Object.keys(mapping[field] ?? {})) {
        if (!names.includes(column)) {
          ctx.addIssue({ code: 'custom', path: [field, column], message: `"${column}" is not a column; ${known}` });
        }
      }
    }
    for (const column of Object.keys(mapping.derive ?? {})) {
      if (mapping.columns?.[column] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['derive', column],
          message: `${column} is both mapped in columns and derived; keep one`,
        });
      }
    }
    for (const [column, value] of Object.entries(mapping.defaults ?? {})) {
      const spec = specs.find((c) => c.name === column);
      if (!spec) continue;
      const parsed = parseValue(value, spec, mapping.dateFormat);
      if (!parsed.ok)
        ctx.addIssue({ code: 'custom', path: ['defaults', column], message: `is not ${parsed.expected}` });
      else if (parsed.value === null) ctx.addIssue({ code: 'custom', path: ['defaults', column], message: 'is empty' });
    }
  });

export type Mapping = z.output<typeof mappingSchema>;

interface MappingProblem {
  path: string;
  message: string;
  line?: number;
}

/** Validates a mapping given as a value (from JSON, the web mapping screen, a preset). */
export function validateMapping(value: unknown, sourceName = 'mapping'): Mapping {
  const result = mappingSchema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw mappingError(sourceName, problemsOf(result.error));
}

/** Parses a mapping YAML document; errors name the path and the line. */
export function parseMapping(yamlText: string, sourceName: string): Mapping {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'failsafe', lineCounter, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line;
    throw mappingError(sourceName, [{ path: '', message: syntax.message.split('\n')[0]!, line }]);
  }
  const result = mappingSchema.safeParse(doc.toJS() ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const problems = problemsOf(result.error).map((problem) => {
    const offset = offsetOfPath(doc.contents, problem.path === '' ? [] : problem.path.split('.'));
    return { ...problem, line: lineCounter.linePos(offset).line };
  });
  throw mappingError(sourceName, problems);
}

function problemsOf(error: z.ZodError): MappingProblem[] {
  const problems = error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'unknown field' }));
    }
    const missing = 'input' in issue && issue.input === undefined;
    return [{ path: path.join('.'), message: missing ? 'is required' : issue.message }];
  });
  // An unknown field is usually the cause of the other problems (a misspelt `from`), so it leads.
  return problems.sort((a, b) => Number(b.message === 'unknown field') - Number(a.message === 'unknown field'));
}

function mappingError(sourceName: string, problems: MappingProblem[]): AttainError {
  const [first] = problems;
  const where = first?.line === undefined ? sourceName : `${sourceName} line ${first.line}`;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  const subject = first?.path ? `${first.path}: ` : '';
  return new AttainError('MAPPING_INVALID', `Invalid mapping ${where}: ${subject}${first?.message}${more}`, {
    source: sourceName,
    line: first?.line,
    path: first?.path,
    problems,
  });
}

/** The entity's canonical column names, for the error messages and the mapping screen. */
export function canonicalColumns(entity: EntityName): string[] {
  return ENTITY_COLUMNS[entity].map((c) => c.name);
}
