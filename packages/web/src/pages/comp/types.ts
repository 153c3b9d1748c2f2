// Shapes of the compensation routes' answers (server routes/comp/*.ts). Money is a decimal string.

export type RunStatus = 'draft' | 'approved' | 'closed' | 'superseded';

export interface Totals {
  currency: string;
  earned: string;
  paid: string;
}

export interface RunSummary {
  id: string;
  period: string;
  start: string;
  end: string;
  mode: 'full' | 'incremental';
  status: RunStatus;
  runBy: string;
  startedAt: string;
  finishedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
  payees: number;
  recomputed: number;
  held: number;
  totals: Totals[];
}

export interface RunResult {
  runId: string;
  period: string;
  mode: 'full' | 'incremental';
  payees: number;
  recomputed: number;
  unchanged: number;
  held: number;
  totals: Totals[];
  crediting: { transactions: number; credits: number; exceptions: number; uncredited: number };
  supersedes: string | null;
}

export interface PayeeResult {
  person: string;
  name: string;
  currency: string;
  earned: string;
  paid: string;
  drawBalance: string;
  status: 'draft' | 'approved' | 'closed';
}

export interface Hold {
  person: string;
  name: string;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export interface RunResults {
  run: RunSummary;
  rows: PayeeResult[];
  holds: Hold[];
}

export interface PayeeChange {
  person: string;
  name: string;
  currency: string;
  change: 'new' | 'removed' | 'changed' | 'unchanged';
  before: { earned: string; paid: string } | null;
  after: { earned: string; paid: string } | null;
  earned: string;
  paid: string;
  hold: string | null;
}

export interface RunDiff {
  period: string;
  current: RunSummary;
  previous: RunSummary | null;
  payees: PayeeChange[];
  totals: { currency: string; before: string; after: string; change: string }[];
}

export interface StatementLine {
  line: number;
  kind: 'component' | 'prior_period' | 'manual';
  planId: string | null;
  component: string | null;
  sourcePeriod: string | null;
  amount: string;
  reason?: string;
  author?: string;
  approver?: string | null;
}

export interface ExplainedCredit {
  credit?: string;
  transaction?: string;
  date?: string;
  quotaPeriod?: string;
  amount?: string;
  earns?: boolean;
  from?: string;
  to?: string;
  slices?: { tier: number; from: string; to: string; rate: string; earned: string }[];
  earned?: string;
}

export interface Statement {
  payee: { externalId: string; name: string };
  period: string;
  periodStart: string;
  periodEnd: string;
  runId: string;
  status: 'draft' | 'approved' | 'closed';
  currency: string;
  plans: { planId: string; version: number; validFrom: string; validTo: string | null }[];
  lines: StatementLine[];
  earned: string;
  paid: string;
  drawBalance: string;
  attainment: Record<string, string>;
  segments: {
    planId: string;
    version: number;
    from: string;
    to: string;
    quotaPeriod: string;
    quota: Record<string, string>;
    targetIncentive: string | null;
    attainment: Record<string, string>;
  }[];
  explain: {
    planId: string;
    component: string;
    detail: Record<string, unknown>;
    transactions: { externalId: string; amount: string }[];
  }[];
}

export interface Adjustment {
  id: string;
  person: string;
  name: string;
  period: string;
  amount: string;
  currency: string;
  reason: string;
  author: string;
  createdAt: string;
  approver: string | null;
  approvedAt: string | null;
  disputeId: string | null;
}

export type DisputeStatus = 'open' | 'answered' | 'resolved';

export interface Dispute {
  id: string;
  person: string;
  name: string;
  period: string;
  line: string;
  status: DisputeStatus;
  raisedBy: string;
  raisedAt: string;
  updatedAt: string;
  messages: number;
}

export interface DisputeThread {
  dispute: Dispute;
  messages: { id: string; author: string; at: string; note: string; adjustment: Adjustment | null }[];
}

/** The label a statement line is disputed by: its component, or what kind of line it is. */
export function lineLabel(line: StatementLine): string {
  if (line.kind === 'component') return line.component ?? `line ${line.line}`;
  if (line.kind === 'prior_period')
    return `${line.component ?? 'adjustment'} (prior period ${line.sourcePeriod ?? ''})`;
  return `manual adjustment: ${line.reason ?? `line ${line.line}`}`;
}

/** A period label a few months around now, for the period pickers: YYYY-MM of the month before. */
export function lastMonth(today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
