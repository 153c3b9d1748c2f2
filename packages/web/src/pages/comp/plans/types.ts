// Shapes of /api/plans and /api/comp/estimate answers (packages/server/src/routes/comp/plans.ts, estimate.ts).

export interface PlanListItem {
  id: string;
  name: string;
  currency: string;
  version: number;
  validFrom: string;
  versions: number;
  createdAt: string;
  createdBy: string;
}

export interface PlanVersion {
  version: number;
  name: string;
  currency: string;
  validFrom: string;
  source: string;
  createdAt: string;
  createdBy: string;
}

export interface PlanProblem {
  path: string;
  line: number | null;
  message: string;
}

export type Validation =
  | {
      valid: true;
      plan: {
        id: string;
        name: string;
        currency: string;
        payPeriod: string;
        quotaPeriod: string;
        components: { id: string; kind: string }[];
      };
    }
  | { valid: false; problems: PlanProblem[] };

export interface PreviewPeriod {
  period: string;
  components: Record<string, string>;
  earned: string;
  paid: string;
  drawBalance: string;
  explain?: Record<string, Record<string, unknown>>;
}

export interface Preview {
  person: { externalId: string; name: string };
  quotaPeriod: { period: string; start: string; end: string };
  quota: Record<string, string>;
  targetIncentive: string | null;
  assigned: boolean;
  credits: number;
  attainment: Record<string, string>;
  result: { id: string; currency: string; periods: PreviewPeriod[]; total: { earned: string; paid: string } };
}

export interface Landing {
  component: string;
  earned: string;
  tier?: number;
  rate?: string;
  from?: string;
  to?: string;
  atLeast?: string;
}

export interface Estimate {
  person: { externalId: string; name: string };
  plan: { id: string; version: number; name: string };
  currency: string;
  quotaPeriod: { period: string; start: string; end: string };
  quota: Record<string, string>;
  targetIncentive: string | null;
  deals: {
    id: string;
    opportunity: string | null;
    name: string | null;
    amount: string;
    currency: string;
    closeDate: string;
    lands: Landing[];
  }[];
  periods: { period: string; before: string; after: string; difference: string }[];
  total: { before: string; after: string; difference: string };
  attainment: { before: Record<string, string>; after: Record<string, string> };
}
