// The forecast-call answers of /api/forecast/calls (docs/forecast-calls.md). Money is a decimal string.

export interface CallCategories {
  commit: string;
  bestCase: string;
  pipeline: string;
}

export interface SubmittedCall extends CallCategories {
  id: string;
  person: string;
  personName: string;
  period: string;
  weekOf: string;
  scope: 'own' | 'team';
  currency: string;
  override: boolean;
  note: string | null;
  submittedBy: string;
  submittedAt: string;
}

export interface TeamCallRow extends CallCategories {
  person: string;
  name: string;
  manages: boolean;
  source: 'own' | 'override' | 'rollup' | 'none';
  ownCall: SubmittedCall | null;
  override: SubmittedCall | null;
  rollup: CallCategories | null;
  wonToDate: string;
  reports: TeamCallRow[];
}

export interface CallGrid {
  period: { period: string; start: string; end: string };
  weekOf: string;
  currency: string;
  team: TeamCallRow;
}
