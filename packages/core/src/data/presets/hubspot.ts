// The HubSpot preset (`--preset hubspot`): CRM exports of deals and companies, with HubSpot's
// property labels, date-times ("2026-02-27 16:04", the date part is kept) and true/false booleans.
//
// Canonical values chosen (docs/imports.md lists them too):
// - status from "Is closed" and "Is Closed Won": closed+won -> won, closed+not won -> lost,
//   not closed -> open. "Deal Stage" is kept as the stage text (stage labels differ per pipeline).
// - Deal Type: newbusiness / "New Business" -> new_business; existingbusiness / "Existing Business"
//   -> expansion (HubSpot's default types do not tell renewals from upsells; a custom "renewal"
//   type maps to renewal; split renewals with a mapping that derives type from [Deal Type, Pipeline]).
// - Forecast category: Pipeline, Best case, Commit, Closed, Omit (labels or internal names) ->
//   pipeline, best_case, commit, closed, omitted.
// - "Deal probability" is not mapped: HubSpot writes it 0–1, Attain stores probability 0–100.
import type { EntityName } from '../entity-columns.ts';
import type { Mapping } from '../mapping-schema.ts';

const opportunities: Mapping = {
  entity: 'opportunities',
  columns: {
    externalId: 'Record ID',
    name: 'Deal Name',
    stage: 'Deal Stage',
    amount: 'Amount',
    currency: 'Currency',
    closeDate: 'Close Date',
    createdDate: 'Create Date',
    owner: 'Deal owner',
    type: 'Deal Type',
    forecastCategory: 'Forecast category',
    account: 'Associated Company',
  },
  derive: { status: { from: ['Is closed', 'Is Closed Won'] } },
  values: {
    status: { 'false|false': 'open', 'true|false': 'lost', 'true|true': 'won' },
    type: {
      newbusiness: 'new_business',
      'New Business': 'new_business',
      existingbusiness: 'expansion',
      'Existing Business': 'expansion',
      renewal: 'renewal',
      Renewal: 'renewal',
    },
    forecastCategory: {
      Pipeline: 'pipeline',
      PIPELINE: 'pipeline',
      'Best case': 'best_case',
      BEST_CASE: 'best_case',
      Commit: 'commit',
      COMMIT: 'commit',
      Closed: 'closed',
      CLOSED: 'closed',
      Omit: 'omitted',
      OMIT: 'omitted',
    },
  },
  dateFormat: 'YYYY-MM-DD',
};

const accounts: Mapping = {
  entity: 'accounts',
  columns: {
    externalId: 'Record ID',
    name: 'Company name',
    parent: 'Parent Company',
    industry: 'Industry',
    country: 'Country/Region',
    city: 'City',
    employees: 'Number of Employees',
    annualRevenue: 'Annual Revenue',
  },
  dateFormat: 'YYYY-MM-DD',
};

export const HUBSPOT_PRESET: Partial<Record<EntityName, Mapping>> = { opportunities, accounts };
