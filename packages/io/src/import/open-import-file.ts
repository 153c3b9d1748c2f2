// The parsing half of `attain import` (DESIGN §4, issue 3): a CSV/XLSX file plus a mapping or preset
// becomes a stream of canonical rows, each with its issues. Header-level problems throw an
// AttainError before any row; row-level problems are listed in each row's `issues`, so the caller
// can report every one of them (or skip those rows with --skip-invalid). The database half —
// staging, references, diff, write — consumes `rows`.
import { readFile } from 'node:fs/promises';
import { compileMapping } from '@attain/core/data/apply-mapping.ts';
import type { EntityName } from '@attain/core/data/entity-columns.ts';
import { type Mapping, parseMapping, validateMapping } from '@attain/core/data/mapping-schema.ts';
import { describeSource, matchHeaders } from '@attain/core/data/match-headers.ts';
import { parseRow } from '@attain/core/data/parse-row.ts';
import { type PresetName, presetMapping } from '@attain/core/data/presets/presets.ts';
import type { ParsedRow } from '@attain/core/data/validate-row.ts';
import { AttainError } from '@attain/core/errors.ts';
import { readTable } from './read-table.ts';

export { guessMapping } from '@attain/core/data/match-headers.ts';
export type { ParsedRow, RowIssue } from '@attain/core/data/validate-row.ts';

export interface ImportSource {
  entity: EntityName;
  /** the file's header row */
  headers: string[];
  /** canonical column -> file column, or "derived from X|Y", or "default" */
  columnSources: Record<string, string>;
  /** file columns used by nothing (ignored) */
  unknownColumns: string[];
  /** every data row, canonical values (null when empty), issues when invalid; iterate once */
  rows: AsyncIterable<ParsedRow>;
}

export interface OpenImportOptions {
  entity: EntityName;
  mapping?: Mapping;
  preset?: PresetName;
  /** XLSX only: the sheet's name; default the first sheet */
  sheet?: string;
}

export async function openImportFile(path: string, options: OpenImportOptions): Promise<ImportSource> {
  const { entity } = options;
  const mapping = chooseMapping(options);
  const table = await readTable(path, { sheet: options.sheet });
  let matched: ReturnType<typeof matchHeaders>;
  try {
    matched = matchHeaders(table.headers, entity, mapping, { lenient: options.preset !== undefined });
  } catch (error) {
    await table.close();
    throw error;
  }
  const parser = {
    entity,
    mapper: compileMapping(matched.sources, mapping),
    dateFormat: mapping?.dateFormat ?? 'YYYY-MM-DD',
  } as const;
  async function* rows(): AsyncGenerator<ParsedRow> {
    for await (const { row, record } of table.records) yield parseRow(row, record, parser);
  }
  return {
    entity,
    headers: table.headers,
    columnSources: Object.fromEntries(
      Object.entries(matched.sources).map(([canonical, source]) => [canonical, describeSource(source)]),
    ),
    unknownColumns: matched.unknownColumns,
    rows: rows(),
  };
}

/** A mapping YAML file; MAPPING_INVALID names the line and path of the first problem. */
export async function loadMappingFile(path: string): Promise<Mapping> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new AttainError('IMPORT_FILE_NOT_FOUND', `No mapping file at ${path} (${error.code ?? error.message})`, {
      path,
    });
  });
  return parseMapping(text.replace(/^\uFEFF/, ''), path);
}

function chooseMapping(options: OpenImportOptions): Mapping | undefined {
  if (options.mapping && options.preset) {
    throw new AttainError('MAPPING_INVALID', 'Give either a mapping or a preset, not both', { preset: options.preset });
  }
  const mapping = options.preset
    ? presetMapping(options.preset, options.entity)
    : options.mapping && validateMapping(options.mapping);
  if (mapping && mapping.entity !== options.entity) {
    throw new AttainError(
      'MAPPING_ENTITY_MISMATCH',
      `The mapping is for ${mapping.entity}, but the import is of ${options.entity}`,
      { mappingEntity: mapping.entity, entity: options.entity },
    );
  }
  return mapping;
}
