// What every data-quality rule's SQL gets: today (the store reads no clock), the thresholds in
// force and the reporting currency. A rule answers the flagged records' externalIds with a message;
// run-checks.ts adds the rule's name, severity and entity from the catalog.
import type { Thresholds } from '@attain/core/quality/rule-catalog.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface CheckContext {
  today: string;
  thresholds: Thresholds;
  reportingCurrency: string;
}

export interface FlaggedRecord {
  id: string;
  message: string;
}

export type RuleCheck = (db: Kysely<Database>, context: CheckContext) => Promise<FlaggedRecord[]>;
