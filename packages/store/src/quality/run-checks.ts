// Runs the data-quality rules of core/quality/rule-catalog.ts against the database, in one
// repeatable-read transaction so every rule sees the same data. Thresholds: the catalog's defaults,
// then the workspace's `qualityThresholds` setting, then the caller's overrides.
import {
  type QualityIssue,
  type QualityReport,
  RULE_NAMES,
  type RuleName,
  resolveThresholds,
  ruleNamed,
} from '@attain/core/quality/rule-catalog.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { readSettings } from '../settings/workspace-settings.ts';
import { accountLikelyDuplicate, accountWithoutTerritory } from './account-rules.ts';
import type { CheckContext, RuleCheck } from './check-context.ts';
import { fxRateMissing } from './fx-rules.ts';
import { opportunityPushed, opportunityStale } from './opportunity-history-rules.ts';
import {
  opportunityMissingFields,
  opportunityNonpositiveAmount,
  opportunityPastCloseDate,
  opportunityStageStatusMismatch,
} from './opportunity-rules.ts';
import { personWithoutManager, repWithoutQuota } from './people-rules.ts';
import { territoryWithoutOwner } from './territory-rules.ts';
import { transactionUncreditable } from './transaction-rules.ts';

const CHECKS: Record<RuleName, RuleCheck> = {
  opportunity_past_close_date: opportunityPastCloseDate,
  opportunity_missing_fields: opportunityMissingFields,
  opportunity_nonpositive_amount: opportunityNonpositiveAmount,
  opportunity_stage_status_mismatch: opportunityStageStatusMismatch,
  opportunity_stale: opportunityStale,
  opportunity_pushed: opportunityPushed,
  account_without_territory: accountWithoutTerritory,
  account_likely_duplicate: accountLikelyDuplicate,
  territory_without_owner: territoryWithoutOwner,
  person_without_manager: personWithoutManager,
  rep_without_quota: repWithoutQuota,
  transaction_uncreditable: transactionUncreditable,
  fx_rate_missing: fxRateMissing,
};

export interface RunChecksOptions {
  today: string;
  /** The rules to run; all of them by default. */
  rules?: readonly RuleName[];
  /** Threshold overrides for this run (e.g. from --threshold), over the workspace setting. */
  thresholds?: Record<string, unknown>;
}

/** Plain code-point order, the same on every machine and database. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function runChecks(db: Kysely<Database>, options: RunChecksOptions): Promise<QualityReport> {
  const rules = [...new Set(options.rules ?? RULE_NAMES)].sort(byCodePoint);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const { reportingCurrency } = await readSettings(trx);
      const stored = await trx
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'qualityThresholds')
        .executeTakeFirst();
      const thresholds = resolveThresholds(stored?.value as Record<string, unknown> | undefined, options.thresholds);
      const context: CheckContext = { today: options.today, thresholds, reportingCurrency };
      const issues: QualityIssue[] = [];
      const summary: Record<string, number> = {};
      for (const name of rules) {
        const { severity, entity } = ruleNamed(name);
        const flagged = await CHECKS[name](trx, context);
        flagged.sort((a, b) => byCodePoint(a.id, b.id) || byCodePoint(a.message, b.message));
        for (const { id, message } of flagged) issues.push({ rule: name, severity, entity, id, message });
        summary[name] = flagged.length;
      }
      return { issues, summary };
    });
}
