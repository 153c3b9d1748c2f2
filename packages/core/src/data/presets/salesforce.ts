// The Salesforce preset (`--preset salesforce`): report exports as CSV ("Details Only") or XLSX,
// with the report's column labels and the US date format Salesforce writes (M/D/YYYY).
// Columns a report may leave out (Probability, Opportunity Currency…) are simply not imported.
//
// Canonical values chosen (docs/imports.md lists them too):
// - status from the Closed and Won checkboxes (0/1, or true/false): closed+won -> won,
//   closed+not won -> lost, not closed -> open. Stage is kept as the stage text.
// - Type: "New Customer"/"New Business" -> new_business; "Existing Customer - Upgrade",
//   "Existing Business", "Upsell", "Add-On" -> expansion; "Existing Customer - Replacement",
//   "Existing Customer - Downgrade", "Renewal" -> renewal (both re-contract existing business).
//   Any other label passes through and is reported as IMPORT_INVALID_ENUM, never guessed.
// - Forecast Category: Pipeline, Best Case, Commit, Closed, Omitted -> pipeline, best_case,
//   commit, closed, omitted.
// - Probability (%) stays 0–100, as Attain stores it. A blank Amount is null.
import type { EntityName } from '../entity-columns.ts';
import type { Mapping } from '../mapping-schema.ts';

const opportunities: Mapping = {
  entity: 'opportunities',
  columns: {
    externalId: 'Opportunity ID',
    name: 'Opportunity Name',
    account: 'Account Name',
    owner: 'Opportunity Owner',
    stage: 'Stage',
    amount: 'Amount',
    currency: 'Opportunity Currency',
    closeDate: 'Close Date',
    createdDate: 'Created Date',
    probability: 'Probability (%)',
    forecastCategory: 'Forecast Category',
    type: 'Type',
  },
  derive: { status: { from: ['Closed', 'Won'] } },
  values: {
    status: {
      '0|0': 'open',
      '1|0': 'lost',
      '1|1': 'won',
      'false|false': 'open',
      'true|false': 'lost',
      'true|true': 'won',
    },
    type: {
      'New Customer': 'new_business',
      'New Business': 'new_business',
      'Existing Customer - Upgrade': 'expansion',
      'Existing Business': 'expansion',
      Upsell: 'expansion',
      'Add-On': 'expansion',
      'Existing Customer - Replacement': 'renewal',
      'Existing Customer - Downgrade': 'renewal',
      Renewal: 'renewal',
    },
    forecastCategory: {
      Pipeline: 'pipeline',
      'Best Case': 'best_case',
      Commit: 'commit',
      Closed: 'closed',
      Omitted: 'omitted',
    },
  },
  dateFormat: 'MM/DD/YYYY',
};

// An Accounts report. Billing State/Province is not taken as the sales region: regions are
// Attain's own geography, set by a mapping or by territory rules.
const accounts: Mapping = {
  entity: 'accounts',
  columns: {
    externalId: 'Account ID',
    name: 'Account Name',
    parent: 'Parent Account',
    industry: 'Industry',
    country: 'Billing Country',
    city: 'Billing City',
    employees: 'Employees',
    annualRevenue: 'Annual Revenue',
  },
  dateFormat: 'MM/DD/YYYY',
};

export const SALESFORCE_PRESET: Partial<Record<EntityName, Mapping>> = { opportunities, accounts };
