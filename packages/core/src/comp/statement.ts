// A payee's statement for one pay period (docs/comp-close-outputs.md): what the current
// compensation run of that period says, line by line, and how each component was calculated.
// Amounts are decimal strings in the plan currency; the explanation keeps the full-precision
// values of core/comp/explain.ts.

export type StatementStatus = 'draft' | 'approved' | 'closed';

export interface StatementLine {
  line: number;
  kind: 'component' | 'prior_period' | 'manual';
  planId: string | null;
  component: string | null;
  /** The closed period a prior-period adjustment corrects. */
  sourcePeriod: string | null;
  amount: string;
  /** Manual adjustments: why, who entered it, who approved it. */
  reason?: string;
  author?: string;
  approver?: string | null;
}

export interface StatementSegment {
  planId: string;
  version: number;
  from: string;
  /** Null when the plan assignment is open-ended. */
  to: string | null;
  quotaPeriod: string;
  quota: Record<string, string>;
  targetIncentive: string | null;
  attainment: Record<string, string>;
}

export interface StatementExplanation {
  planId: string;
  component: string;
  /** As explainComponent wrote it: earnedToDate, and credits with tier slices, steps or score. */
  detail: Record<string, unknown>;
  /** The contracts this component's credits were paid on in this period (full precision). */
  transactions: { externalId: string; amount: string }[];
}

export interface Statement {
  payee: { externalId: string; name: string };
  period: string;
  periodStart: string;
  periodEnd: string;
  runId: string;
  status: StatementStatus;
  currency: string;
  plans: { planId: string; version: number; validFrom: string; validTo: string | null }[];
  lines: StatementLine[];
  earned: string;
  paid: string;
  drawBalance: string;
  /** Attainment per measure at the end of the period (of the last plan segment). */
  attainment: Record<string, string>;
  segments: StatementSegment[];
  explain: StatementExplanation[];
}
