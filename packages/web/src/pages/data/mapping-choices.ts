// The mapping screen's choices: for each canonical column, the file column it comes from, "derived"
// (a preset or saved mapping computes it from other columns), or nothing. Turning the choices back
// into a mapping keeps the values, derive and defaults of what the screen started from (DESIGN §4).
import type { DateFormat, EntityColumn, Mapping, Preview } from './types.ts';

/** The choice of a column the mapping derives; no header can be spelt like this. */
export const DERIVED = '\u0000derived';

/** canonical column -> a header of the file, DERIVED, or '' (not imported) */
export type Choices = Record<string, string>;

/**
 * The file's header that `wanted` names: exactly, else the one header equal to it ignoring case,
 * spaces, dashes and underscores (the server's name rule, issue 3).
 */
export function findHeader(headers: readonly string[], wanted: string): string | undefined {
  if (headers.includes(wanted)) return wanted;
  const normal = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');
  const candidates = headers.filter((header) => normal(header) === normal(wanted));
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * The mapping a dry run used, with a column the server reports as "derived from Closed|Won" but
 * whose mapping does not say so (a preset named rather than spelt out) added to `derive`, so
 * the screen can show it. Keys that are not part of a mapping (such as `preset`) are dropped.
 */
export function usedMapping(preview: Preview): Mapping {
  const { entity, columns, values, derive, defaults, dateFormat } = preview.mapping;
  const derived = { ...derive };
  for (const [name, source] of Object.entries(preview.columnSources)) {
    const from = /^derived from (.+)$/.exec(source)?.[1];
    if (from && !derived[name] && columns?.[name] === undefined) derived[name] = { from: from.split('|') };
  }
  return {
    entity,
    ...(columns && { columns }),
    ...(values && { values }),
    ...(Object.keys(derived).length > 0 && { derive: derived }),
    ...(defaults && { defaults }),
    ...(dateFormat && { dateFormat }),
  };
}

/** What the server used for the dry run, as one choice per canonical column. */
export function choicesFrom(preview: Preview, columns: readonly EntityColumn[], headers: readonly string[]): Choices {
  const choices: Choices = {};
  for (const { name } of columns) {
    const mapping = usedMapping(preview);
    const mapped = mapping.columns?.[name];
    const source = preview.columnSources[name];
    const header =
      (mapped === undefined ? undefined : findHeader(headers, mapped)) ??
      (source === undefined ? undefined : findHeader(headers, source));
    if (mapping.derive?.[name] && header === undefined) choices[name] = DERIVED;
    else choices[name] = header ?? '';
  }
  return choices;
}

/** The mapping the screen now shows: its columns and date format, the rest as it started. */
export function mappingFrom(base: Mapping, choices: Choices, dateFormat: DateFormat | undefined): Mapping {
  const columns: Record<string, string> = {};
  const derive = { ...base.derive };
  for (const [name, choice] of Object.entries(choices)) {
    if (choice === DERIVED) continue;
    // A column taken from the file, or left out, is no longer derived (a mapping may not do both).
    delete derive[name];
    if (choice !== '') columns[name] = choice;
  }
  return {
    entity: base.entity,
    columns,
    ...(base.values && { values: base.values }),
    ...(Object.keys(derive).length > 0 && { derive }),
    ...(base.defaults && { defaults: base.defaults }),
    ...(dateFormat && { dateFormat }),
  };
}

/** The headers a derived column reads, e.g. ["Closed", "Won"]. */
export function deriveSources(mapping: Mapping, column: string): string[] {
  const from = mapping.derive?.[column]?.from;
  return from === undefined ? [] : Array.isArray(from) ? from : [from];
}

/** The file's columns that feed nothing: they are ignored. */
export function ignoredHeaders(headers: readonly string[], choices: Choices, mapping: Mapping): string[] {
  const used = new Set<string>();
  for (const [name, choice] of Object.entries(choices)) {
    if (choice === DERIVED) {
      for (const from of deriveSources(mapping, name)) used.add(findHeader(headers, from) ?? from);
    } else if (choice !== '') used.add(choice);
  }
  return headers.filter((header) => !used.has(header));
}

/** Required columns with no source and no default: the dry run will reject every row. */
export function missingRequired(columns: readonly EntityColumn[], choices: Choices, mapping: Mapping): string[] {
  return columns
    .filter((column) => column.required && !choices[column.name] && mapping.defaults?.[column.name] === undefined)
    .map((column) => column.name);
}

/** Up to `count` different non-blank values of a header in the sample records. */
export function sampleValues(sample: readonly Record<string, string>[], header: string, count = 3): string[] {
  const values: string[] = [];
  for (const record of sample) {
    const value = record[header]?.trim();
    if (value && !values.includes(value)) values.push(value);
    if (values.length === count) break;
  }
  return values;
}
