// The ordered list of migrations. Appending is the only change this file ever gets.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-24T0900-foundation.ts';
import * as importMappings from './2026-11-24T1200-import-mappings.ts';
import * as territoryPlanning from './2026-11-24T1500-territory-planning.ts';
import * as compensation from './2026-11-24T1800-compensation.ts';
import * as forecasting from './2026-11-24T2100-forecasting.ts';
import * as creditsDerived from './2026-11-25T1000-credits-derived.ts';
import * as pipelineIndexes from './2026-11-25T1100-pipeline-indexes.ts';
import * as openStageProbabilities from './2026-11-25T1200-open-stage-probabilities.ts';
import * as historyAndBookingsIndexes from './2026-11-25T1230-history-and-bookings-indexes.ts';
import * as derivedRollups from './2026-11-25T1300-derived-rollups.ts';
import * as creditTotals from './2026-11-25T1400-credit-totals.ts';
import * as creditHolderTotals from './2026-11-25T1500-credit-holder-totals.ts';
import * as creditsInDateOrder from './2026-11-25T1600-credits-in-date-order.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-24T0900-foundation': foundation,
  '2026-11-24T1200-import-mappings': importMappings,
  '2026-11-24T1500-territory-planning': territoryPlanning,
  '2026-11-24T1800-compensation': compensation,
  '2026-11-24T2100-forecasting': forecasting,
  '2026-11-25T1000-credits-derived': creditsDerived,
  '2026-11-25T1100-pipeline-indexes': pipelineIndexes,
  '2026-11-25T1200-open-stage-probabilities': openStageProbabilities,
  '2026-11-25T1230-history-and-bookings-indexes': historyAndBookingsIndexes,
  '2026-11-25T1300-derived-rollups': derivedRollups,
  '2026-11-25T1400-credit-totals': creditTotals,
  '2026-11-25T1500-credit-holder-totals': creditHolderTotals,
  '2026-11-25T1600-credits-in-date-order': creditsInDateOrder,
};
