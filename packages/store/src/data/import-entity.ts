// One import, one transaction (DESIGN §3): parsed rows are staged, references resolved, the diff
// computed and written with an audit trail — or, when any row is invalid, nothing is written and
// every problem is reported by row and column (the first 100, with the total). --skip-invalid
// writes the valid rows and hands the rejected ones back with their reason; --dry-run reports the
// created / updated / unchanged counts and rolls back.
import { parsePeriod } from '@attain/core/calendar/parse-period.ts';
import type { EntityName } from '@attain/core/data/entity-columns.ts';
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { ENTITY_TABLES } from './entity-tables.ts';
import { type ImportIssue, IssueList } from './import-issues.ts';
import { createStaging, STAGING, type StagedRow, stageRows } from './import-staging.ts';
import { findDuplicateKeys, rejectRows } from './reject-rows.ts';
import { resolveReferences } from './resolve-references.ts';
import { writeEntityHistory } from './write-entity-history.ts';
import { writeFxRates } from './write-fx-rates.ts';
import { applyRows, createNewRows, markChanged } from './write-keyed-entity.ts';
import { checkMboScores, writeMboScores } from './write-mbo-scores.ts';
import { checkAssignmentOverlaps, resolvePlans, writePlanAssignments } from './write-plan-assignments.ts';
import { writeQuotas } from './write-quotas.ts';
import { checkSplitTotals, writeSplits } from './write-splits.ts';

export interface ParsedImportRow {
  row: number;
  values: Record<string, string | null>;
  issues: ImportIssue[];
}

export interface RejectedRow {
  row: number;
  values: Record<string, string | null>;
  reason: string;
}

export interface ImportOptions {
  asOf: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  createMissing?: boolean;
  actor: string;
  /** Shown in the audit log and messages. */
  fileName: string;
  onRejected?: (rejected: RejectedRow) => void | Promise<void>;
  /** Called as each phase ends, with its milliseconds (benchmarks report where the time goes). */
  onPhase?: (phase: string, ms: number) => void;
}

export interface ImportSummary {
  entity: EntityName;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  dryRun: boolean;
  issues: ImportIssue[];
  issueCount: number;
}

const CHUNK = 10_000;

class DryRunRollback extends Error {}

export async function importRows(
  db: Kysely<Database>,
  entity: EntityName,
  source: { columnSources: Record<string, string>; rows: AsyncIterable<ParsedImportRow> },
  options: ImportOptions,
): Promise<ImportSummary> {
  const asOf = assertIsoDate(options.asOf, '--as-of');
  const present = new Set(Object.keys(source.columnSources));
  const issues = new IssueList();
  let summary: ImportSummary | undefined;
  let clock = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    options.onPhase?.(name, now - clock);
    clock = now;
  };
  try {
    await db.transaction().execute(async (trx) => {
      await createStaging(trx, entity);
      let total = 0;
      let chunk: StagedRow[] = [];
      let staging: Promise<void> = Promise.resolve();
      for await (const parsed of source.rows) {
        total += 1;
        if (parsed.issues.length > 0) {
          for (const issue of parsed.issues) issues.add(issue);
          if (options.skipInvalid) await options.onRejected?.(rejection(parsed.row, parsed.values, parsed.issues));
          continue;
        }
        chunk.push({ row: parsed.row, values: parsed.values });
        if (chunk.length >= CHUNK) {
          // one chunk is written while the next is parsed
          await staging;
          staging = stageRows(trx, entity, chunk);
          staging.catch(() => {}); // handled by the next await; no unhandled rejection meanwhile
          chunk = [];
        }
      }
      await staging;
      await stageRows(trx, entity, chunk);
      const parseRejected = issues.rows.size;
      phase('parse and stage');

      await findDuplicateKeys(trx, entity, issues);
      phase('duplicate keys');
      const periods = entity === 'quotas' || entity === 'mboScores' ? await stagedPeriods(trx, issues) : [];
      const keyed = ENTITY_TABLES[entity] !== undefined;
      const resolve = (which: 'other' | 'self') =>
        resolveReferences(
          trx,
          entity,
          present,
          { createMissing: options.createMissing ?? false, actor: options.actor, which },
          issues,
        );
      await resolve('other');
      phase('resolve references');
      if (keyed) await createNewRows(trx, entity, present);
      phase('create new rows');
      await resolve('self');
      if (entity === 'opportunitySplits') await checkSplitTotals(trx, issues);
      if (entity === 'planAssignments') {
        await resolvePlans(trx, issues);
        await checkAssignmentOverlaps(trx, issues);
      }
      if (entity === 'mboScores') await checkMboScores(trx, issues);
      phase('resolve self-references');

      if (!issues.empty && !options.skipInvalid) {
        throw new AttainError(
          'IMPORT_INVALID',
          `${options.fileName}: ${issues.total} problem${issues.total === 1 ? '' : 's'} in ${issues.rows.size} row${issues.rows.size === 1 ? '' : 's'}; nothing was imported`,
          { errors: issues.sorted(), total: issues.total },
        );
      }
      if (!issues.empty) await rejectRows(trx, entity, issues, parseRejected, options.onRejected);

      if (keyed) {
        await markChanged(trx, entity, present);
        phase('diff');
        await applyRows(trx, entity, present, options.actor);
        phase('write');
        await writeEntityHistory(trx, entity, { present, asOf, actor: options.actor });
      } else if (entity === 'fxRates') await writeFxRates(trx, options.actor);
      else if (entity === 'quotas') await writeQuotas(trx, periods, asOf, options.actor);
      else if (entity === 'opportunitySplits') await writeSplits(trx, options.actor);
      else if (entity === 'planAssignments') await writePlanAssignments(trx, present, options.actor);
      else if (entity === 'mboScores') await writeMboScores(trx, options.actor);

      const counts = await sql<{ created: string; updated: string; staged: string }>`
        select count(*) filter (where is_new) as created, count(*) filter (where changed and not is_new) as updated,
          count(*) as staged from ${sql.raw(STAGING)}`.execute(trx);
      const c = counts.rows[0]!;
      const rejected = issues.rows.size;
      summary = {
        entity,
        rows: total,
        created: Number(c.created),
        updated: Number(c.updated),
        unchanged: Number(c.staged) - Number(c.created) - Number(c.updated),
        rejected,
        dryRun: options.dryRun ?? false,
        issues: issues.sorted(),
        issueCount: issues.total,
      };
      await trx
        .insertInto('audit_log')
        .values({
          actor: options.actor,
          action: 'import',
          entity,
          entity_id: options.fileName,
          after: JSON.stringify({ asOf, ...summary, issues: undefined }),
        })
        .execute();
      phase('history and audit');
      if (options.dryRun) throw new DryRunRollback();
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return summary!;
}

function rejection(row: number, values: Record<string, string | null>, rowIssues: ImportIssue[]): RejectedRow {
  const withRaw = { ...values };
  for (const issue of rowIssues) withRaw[issue.column] = issue.value;
  return { row, values: withRaw, reason: rowIssues.map((i) => i.message).join('; ') };
}

/**
 * Quota and MBO score periods are labels of the workspace's fiscal calendar (`FY2026`, `2026-Q1`,
 * `2026-03`); an unknown label rejects its rows.
 */
async function stagedPeriods(trx: Transaction<Database>, issues: IssueList) {
  const { fiscalCalendar } = await readSettings(trx as unknown as Kysely<Database>);
  const { rows } = await sql<{ period: string; rows: number[] }>`
    select "period" as period, array_agg(row order by row) as rows from ${sql.raw(STAGING)} group by 1`.execute(trx);
  const periods: { label: string; start: string; end: string }[] = [];
  for (const r of rows) {
    try {
      const p = parsePeriod(fiscalCalendar, r.period);
      periods.push({ label: r.period, start: p.start, end: p.end });
    } catch (error) {
      for (const row of r.rows) {
        issues.add({
          row,
          column: 'period',
          value: r.period,
          code: 'IMPORT_INVALID_PERIOD',
          message: `Row ${row}, column "period": "${r.period}" is not a period of the fiscal calendar (${error instanceof Error ? error.message : ''})`,
        });
      }
    }
  }
  return periods;
}
