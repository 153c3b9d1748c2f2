// Shapes of the Territories area's answers (DESIGN §5.1), as the server's territory routes declare
// them. Money is a decimal string in the reporting currency, dates YYYY-MM-DD.

export interface TerritoryOwner {
  externalId: string | null;
  name: string;
  /** A to-be-hired placeholder, not a person. */
  tbh: boolean;
}

export interface Territory {
  externalId: string;
  name: string;
  parent: string | null;
  /** 'account' (geo → leaf) or 'overlay' (by product family). */
  type: string;
  productFamily: string | null;
  depth: number;
  owner: TerritoryOwner | null;
  accounts: number;
  openPipeline: string;
  trailingBookings: string;
  /** Not sent by every server version: the sum of the accounts' potential. */
  potential?: string | null;
}

export interface TerritoryTree {
  asOf: string;
  /** Sent by newer servers; else the dashboard's reporting currency is used. */
  currency?: string;
  territories: Territory[];
}

export interface TerritoryAccount {
  externalId: string;
  name: string;
  industry: string | null;
  segment: string | null;
  country: string | null;
  region: string | null;
  potential: string | null;
  territory: string | null;
  territoryName: string | null;
  since: string | null;
}

export interface AccountPage {
  asOf: string;
  rows: TerritoryAccount[];
  total: number;
}

export const QUOTA_TREATMENTS = ['none', 'prorata', 'full'] as const;
export type QuotaTreatment = (typeof QUOTA_TREATMENTS)[number];

export const MOVE_STATUSES = ['proposed', 'approved', 'rejected', 'applied'] as const;
export type MoveStatus = (typeof MOVE_STATUSES)[number];

/** What moves with the account: its open pipeline, its trailing bookings and the quota. */
export interface MoveImpact {
  currency: string;
  asOf: string;
  openPipeline: string;
  openOpportunities: number;
  trailingBookings: string;
  trailingFrom: string;
  trailingTo: string;
  quota: {
    treatment: QuotaTreatment;
    period: string | null;
    owner: string | null;
    ownerQuota: string | null;
    territoryTrailingBookings: string;
    share: string;
    remainingDays: number | null;
    periodDays: number | null;
    moved: string;
  };
}

export interface MoveRequest {
  id: string;
  account: string;
  accountName: string;
  from: string | null;
  to: string;
  effective: string;
  reason: string | null;
  quota: QuotaTreatment;
  status: MoveStatus;
  impact: MoveImpact | null;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

export interface MoveRequestInput {
  account: string;
  territory: string;
  effective: string;
  reason?: string;
  quota?: QuotaTreatment;
}

export type ScenarioStatus = 'planning' | 'published' | 'archived';

export interface Scenario {
  id: string;
  name: string;
  status: ScenarioStatus | string;
  basedOn: string;
  effectiveDate: string | null;
  createdBy: string;
  createdAt: string;
}

export const FIGURES = ['accounts', 'potential', 'bookings', 'pipeline', 'workload'] as const;
export type Figure = (typeof FIGURES)[number];

export interface TerritorySide {
  accounts: string;
  potential: string;
  bookings: string;
  pipeline: string;
  workload: string;
  owner: string | null;
}

export interface BalanceStats {
  maxDeviation: number;
  cv: number;
}

export interface ScenarioComparison {
  scenario: Scenario;
  asOf: string;
  currency?: string;
  territories: {
    territory: string;
    name: string;
    parent: string | null;
    live: TerritorySide;
    scenario: TerritorySide;
  }[];
  moved: { account: string; name: string; from: string | null; to: string | null }[];
  owners: { territory: string; live: string | null; scenario: string | null }[];
  ownersAffected: string[];
  balance: Record<Figure, { live: BalanceStats; scenario: BalanceStats }>;
}

export const figureLabels: Record<Figure, string> = {
  accounts: 'Accounts',
  potential: 'Potential',
  bookings: 'Bookings (12 months)',
  pipeline: 'Open pipeline',
  workload: 'Workload',
};

/** Money figures are formatted as money; accounts and workload are counts. */
export function isMoneyFigure(figure: Figure): boolean {
  return figure === 'potential' || figure === 'bookings' || figure === 'pipeline';
}

export function localToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const canOperate = (role: string) => role === 'admin' || role === 'ops';
