// One mapped record -> one ParsedRow: every canonical column parsed by its kind (parse-value.ts),
// then the row checks (validate-row.ts). Pure; the file reading lives in @attain/io.
import { applyMapping, type RecordMapper } from './apply-mapping.ts';
import { ENTITY_COLUMNS, type EntityName } from './entity-columns.ts';
import type { DateFormat } from './parse-value.ts';
import { parseValue } from './parse-value.ts';
import { type ParsedRow, type RowIssue, validateRow } from './validate-row.ts';

export interface RowParser {
  entity: EntityName;
  mapper: RecordMapper;
  dateFormat: DateFormat;
}

export function parseRow(row: number, record: Readonly<Record<string, string>>, parser: RowParser): ParsedRow {
  const mapped = applyMapping(record, parser.mapper);
  const values: Record<string, string | null> = {};
  const labels: Record<string, string> = {};
  const issues: RowIssue[] = [];
  const failed = new Set<string>();
  for (const spec of ENTITY_COLUMNS[parser.entity]) {
    const cell = mapped[spec.name];
    if (cell) labels[spec.name] = cell.column;
    const parsed = parseValue(cell?.raw ?? null, spec, parser.dateFormat);
    if (parsed.ok) {
      values[spec.name] = parsed.value;
      continue;
    }
    const column = cell?.column ?? spec.name;
    const value = cell?.raw ?? '';
    values[spec.name] = null;
    failed.add(spec.name);
    issues.push({
      row,
      column,
      value,
      code: parsed.code,
      message: `Row ${row}, column "${column}": "${value}" is not ${parsed.expected}`,
    });
  }
  issues.push(...validateRow(row, values, parser.entity, labels, failed));
  return { row, values, issues };
}
