// Shapes of the server's JSON answers (DESIGN §11). Money is a decimal string, dates YYYY-MM-DD.

export type Role = 'admin' | 'ops' | 'finance' | 'manager' | 'rep';

export interface SessionUser {
  id: string;
  email: string;
}

export interface LoginAnswer {
  user: SessionUser;
  role: Role;
  personId: string | null;
  csrfToken: string;
}

export interface Me extends LoginAnswer {
  person: { externalId: string; name: string } | null;
}

export type ScopeKind = 'all' | 'team' | 'own';

export interface Dashboard {
  currency: string;
  asOf: string;
  scope: { kind: ScopeKind; person: string | null };
  kpis: { bookingsYtd: string; openPipeline: string; winRate: string | null; openDeals: number };
  bookingsByQuarter: { period: string; amount: string }[];
  pipelineByStage: { stage: string; count: number; amount: string }[];
  topAccounts: { account: string; externalId: string; amount: string }[];
}

export type OpportunityStatus = 'open' | 'won' | 'lost';

export interface Opportunity {
  externalId: string;
  name: string;
  account: string;
  owner: string;
  stage: string;
  status: OpportunityStatus;
  amount: string;
  currency: string;
  closeDate: string;
  forecastCategory: string | null;
}

export interface OpportunityPage {
  rows: Opportunity[];
  total: number;
}
