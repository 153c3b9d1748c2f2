// Row-level checks after parsing (DESIGN §4): required columns present and non-empty; a quota
// belongs to exactly one of a person or a territory; a plan assignment's validTo comes after its
// validFrom (half-open, DESIGN §3) and its target incentive is not negative; an MBO score is 0–1.
// Columns that already failed to parse are not reported again as missing.
import { Decimal } from '../money/decimal.ts';
import { ENTITY_COLUMNS, type EntityName } from './entity-columns.ts';

export interface RowIssue {
  /** the row number a user sees in a spreadsheet: header = 1, first data row = 2 */
  row: number;
  /** the file column (or "Closed|Won" when derived, or the canonical name when defaulted/unmapped) */
  column: string;
  /** the text found, "" when empty */
  value: string;
  code: string;
  message: string;
}

export interface ParsedRow {
  row: number;
  /** every canonical column of the entity: the canonical value, null when empty or invalid */
  values: Record<string, string | null>;
  issues: RowIssue[];
}

export function validateRow(
  row: number,
  values: Readonly<Record<string, string | null>>,
  entity: EntityName,
  labels: Readonly<Record<string, string>>,
  alreadyReported: ReadonlySet<string> = new Set(),
): RowIssue[] {
  const issues: RowIssue[] = [];
  for (const spec of ENTITY_COLUMNS[entity]) {
    if (!spec.required || alreadyReported.has(spec.name) || values[spec.name] != null) continue;
    const column = labels[spec.name] ?? spec.name;
    issues.push({
      row,
      column,
      value: '',
      code: 'IMPORT_REQUIRED_VALUE',
      message: `Row ${row}, column "${column}": a value is required (${entity}.${spec.name})`,
    });
  }
  if (entity === 'quotas' && !alreadyReported.has('person') && !alreadyReported.has('territory')) {
    const person = values.person ?? null;
    const territory = values.territory ?? null;
    const column = `${labels.person ?? 'person'} / ${labels.territory ?? 'territory'}`;
    if (person === null && territory === null) {
      issues.push({
        row,
        column,
        value: '',
        code: 'IMPORT_REQUIRED_VALUE',
        message: `Row ${row}: a quota needs a person or a territory; both are empty`,
      });
    } else if (person !== null && territory !== null) {
      issues.push({
        row,
        column,
        value: `${person} / ${territory}`,
        code: 'IMPORT_CONFLICTING_VALUES',
        message: `Row ${row}: a quota belongs to a person or a territory, not both ("${person}", "${territory}")`,
      });
    }
  }
  if (entity === 'planAssignments') issues.push(...planAssignmentIssues(row, values, labels));
  if (entity === 'mboScores') {
    const score = values.score ?? null;
    if (score !== null && (new Decimal(score).lt(0) || new Decimal(score).gt(1))) {
      const column = labels.score ?? 'score';
      issues.push({
        row,
        column,
        value: score,
        code: 'IMPORT_OUT_OF_RANGE',
        message: `Row ${row}, column "${column}": a score is between 0 and 1, not ${score}`,
      });
    }
  }
  return issues;
}

function planAssignmentIssues(
  row: number,
  values: Readonly<Record<string, string | null>>,
  labels: Readonly<Record<string, string>>,
): RowIssue[] {
  const issues: RowIssue[] = [];
  const from = values.validFrom ?? null;
  const to = values.validTo ?? null;
  if (from !== null && to !== null && to <= from) {
    const column = labels.validTo ?? 'validTo';
    issues.push({
      row,
      column,
      value: to,
      code: 'IMPORT_OUT_OF_RANGE',
      message: `Row ${row}, column "${column}": validTo ${to} must come after validFrom ${from} (it is the first day no longer covered)`,
    });
  }
  const target = values.targetIncentive ?? null;
  if (target !== null && new Decimal(target).lt(0)) {
    const column = labels.targetIncentive ?? 'targetIncentive';
    issues.push({
      row,
      column,
      value: target,
      code: 'IMPORT_OUT_OF_RANGE',
      message: `Row ${row}, column "${column}": a target incentive is not negative (${target})`,
    });
  }
  return issues;
}
