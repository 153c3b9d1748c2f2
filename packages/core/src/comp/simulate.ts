// Scenario -> result per DESIGN §6, no I/O. For each payee and pay period: every component's
// amount (the change of its rounded earnings-to-date), earned, paid after the draw, the draw
// balance; totals over the reported periods. Rounding per §3: cumulative per payee and component.
import { type CalendarInput, resolveCalendar } from '../calendar/calendar-schema.ts';
import { parsePeriod } from '../calendar/parse-period.ts';
import type { Period } from '../calendar/period.ts';
import { Decimal, ZERO } from '../money/decimal.ts';
import { formatAmount, money, roundMoney } from '../money/money.ts';
import { byDateAndId, type CountedCredit, type PricedCredit, resolveCancellations } from './apply-cancellations.ts';
import { applyDraw } from './apply-draw.ts';
import { applyGuarantee } from './apply-guarantee.ts';
import { convertFx } from './convert-fx.ts';
import { earnAttainmentBonus, type PaidSteps } from './earn-attainment-bonus.ts';
import { type EarnContext, earnContext } from './earn-context.ts';
import { earnMbo } from './earn-mbo.ts';
import { earnPerCreditBonus } from './earn-per-credit-bonus.ts';
import { earnRateTable } from './earn-rate-table.ts';
import { type CreditTrace, earningsTimeline } from './earnings-timeline.ts';
import { type ComponentExplanation, explainComponent, type Trace } from './explain.ts';
import { payPeriodsToEvaluate, reportRange } from './pay-periods.ts';
import type { Plan, PlanComponent } from './plan-schema.ts';
import { type Payee, type Scenario, scenarioProblem } from './scenario-schema.ts';

export interface PeriodResult {
  period: string;
  components: Record<string, string>;
  earned: string;
  paid: string;
  drawBalance: string;
  explain?: Record<string, ComponentExplanation>;
}

export interface PayeeResult {
  id: string;
  currency: string;
  periods: PeriodResult[];
  total: { earned: string; paid: string };
}

export interface SimulationResult {
  payees: PayeeResult[];
}

const GREGORIAN: CalendarInput = { type: 'gregorian', fiscalYearStartMonth: 1 };

export function simulate(scenario: Scenario, options: { explain?: boolean } = {}): SimulationResult {
  const calendar = resolveCalendar(scenario.calendar ?? scenario.plan.calendar ?? GREGORIAN);
  return {
    payees: scenario.payees.map((payee, p) => simulatePayee(scenario, calendar, payee, p, options.explain ?? false)),
  };
}

/** How the database run reuses the simulator: per-quota-period quotas, and where the payee's plan began. */
export interface PayeeOptions {
  /** Replaces the scenario's single quota and target incentive (e.g. one per quota period, prorated). */
  readonly context?: EarnContext;
  /** How many of the plan's pay periods came before the range (draw and guarantee count from the plan's first). */
  readonly firstPeriodIndex?: number;
  /** With explain: only this pay period's explanation is wanted (the run explains the period it pays). */
  readonly explainOnly?: string;
  /**
   * Told the credits as they count at the last evaluated pay period's end (cancellations dated up
   * to it applied), so the run's attainment need not price and resolve them a second time.
   */
  readonly onCountedAtEnd?: (end: string, counted: readonly CountedCredit[]) => void;
}

export function simulatePayee(
  scenario: Scenario,
  calendar: CalendarInput,
  payee: Payee,
  index: number,
  explain: boolean,
  options: PayeeOptions = {},
): PayeeResult {
  const { plan } = scenario;
  const path = ['payees', index, 'credits'];
  const priced: PricedCredit[] = payee.credits.map((credit) => {
    const currency = credit.currency ?? plan.currency;
    return {
      ...credit,
      currency,
      written: credit.amount,
      amount: convertFx(credit.amount, scenario.fx, currency, plan.currency, credit.date),
    };
  });
  const resolved = resolveCancellations(priced, plan.clawback, path);
  const credits = resolved.credits.sort(byDateAndId);
  const scoreStarts = checkScores(plan, calendar, payee, index);
  const round = (x: Decimal) => roundMoney(money(x, plan.currency)).amount;
  const format = (x: Decimal) => formatAmount(money(x, plan.currency));

  const range = reportRange(
    calendar,
    plan.quotaPeriod,
    payee.credits.map((c) => c.date),
    scenario.range,
  );
  if (!range) return { id: payee.id, currency: plan.currency, periods: [], total: { earned: '0.00', paid: '0.00' } };
  const earliest = [range.from, ...payee.credits.map((c) => c.date), ...scoreStarts].sort()[0]!;

  const context = options.context ?? earnContext(payee, calendar, plan.quotaPeriod);
  const previous = new Map<string, Decimal>(plan.components.map((c) => [c.id, ZERO]));
  const paidSteps = new Map<string, PaidSteps>();
  const periodsToDate: Period[] = [];
  const periods: PeriodResult[] = [];
  let reportedIndex = options.firstPeriodIndex ?? 0;
  let owed = ZERO;
  const evaluated = payPeriodsToEvaluate(calendar, plan.payPeriod, range, earliest);
  const timeline = earningsTimeline(
    credits,
    resolved.cancellations,
    evaluated.map((p) => p.end),
  );
  if (evaluated.length > 0) options.onCountedAtEnd?.(evaluated.at(-1)!.end, timeline.counted(evaluated.length - 1));
  for (const [k, period] of evaluated.entries()) {
    periodsToDate.push(period);
    // Before the range only the last period's earnings-to-date matter (the first reported amount is
    // the change from it); attainment bonuses still go period by period, as a paid step stays paid.
    const skipped = !period.reported && evaluated[k + 1]?.reported === false;
    const amounts = new Map<string, Decimal>();
    const explanations: Record<string, ComponentExplanation> = {};
    const explaining = explain && period.reported && (options.explainOnly ?? period.period) === period.period;
    for (const component of plan.components) {
      if (component.kind === 'guarantee') continue;
      if (skipped && component.kind !== 'attainment-bonus') continue;
      const trace = (counted: readonly CountedCredit[]) =>
        earnToDate(component, counted, context, paidSteps, payee, periodsToDate, explaining ? period : undefined);
      let toDate: Decimal;
      if (explaining || component.kind === 'attainment-bonus' || component.kind === 'mbo') {
        // Explained periods show every credit; a paid step stays paid, so bonuses go period by period.
        const traced = trace(component.kind === 'mbo' ? [] : timeline.counted(k));
        toDate = traced.earnings.total;
        if (explaining) explanations[component.id] = explainComponent(traced, period);
      } else {
        const cap = component.kind === 'rate-table' ? component.cap : undefined;
        toDate = timeline.total(k, component.id, (counted) => trace(counted).earnings as CreditTrace, cap);
      }
      const cumulative = round(toDate);
      amounts.set(component.id, cumulative.minus(previous.get(component.id)!));
      previous.set(component.id, cumulative);
    }
    if (!period.reported) continue;
    const others = [...amounts.values()].reduce((a, b) => a.plus(b), ZERO);
    for (const component of plan.components) {
      if (component.kind !== 'guarantee') continue;
      amounts.set(component.id, round(applyGuarantee(component, others, reportedIndex)));
      if (explaining) explanations[component.id] = { others: format(others) };
    }
    const earned = plan.components.reduce((sum, c) => sum.plus(amounts.get(c.id)!), ZERO);
    const draw = applyDraw(earned, owed, plan.draw, reportedIndex);
    owed = draw.owed;
    reportedIndex++;
    periods.push({
      period: period.period,
      components: Object.fromEntries(plan.components.map((c) => [c.id, format(amounts.get(c.id)!)])),
      earned: format(earned),
      paid: format(draw.paid),
      drawBalance: format(draw.owed),
      ...(explaining ? { explain: explanations } : {}),
    });
  }
  const sum = (key: 'earned' | 'paid') => periods.reduce((total, p) => total.plus(p[key]), new Decimal(0));
  return {
    id: payee.id,
    currency: plan.currency,
    periods,
    total: { earned: format(sum('earned')), paid: format(sum('paid')) },
  };
}

/** One component's unrounded earnings-to-date, with what --explain needs to show how. */
function earnToDate(
  component: Exclude<PlanComponent, { kind: 'guarantee' }>,
  counted: readonly CountedCredit[],
  context: EarnContext,
  paidSteps: Map<string, PaidSteps>,
  payee: Payee,
  periodsToDate: readonly Period[],
  slicesWithin: Period | undefined,
): Trace {
  switch (component.kind) {
    case 'rate-table':
      return { kind: component.kind, earnings: earnRateTable(component, counted, context, slicesWithin) };
    case 'per-credit-bonus':
      return { kind: component.kind, earnings: earnPerCreditBonus(component, counted) };
    case 'attainment-bonus': {
      const earnings = earnAttainmentBonus(component, counted, context, paidSteps.get(component.id) ?? new Set());
      paidSteps.set(component.id, earnings.paid);
      return { kind: component.kind, earnings };
    }
    case 'mbo': {
      const total = earnMbo(component, payee.mbo, periodsToDate, context);
      return {
        kind: component.kind,
        earnings: { total, score: payee.mbo[periodsToDate.at(-1)!.period]?.[component.id] },
      };
    }
  }
}

/** MBO scores name a pay period of the plan and one of its mbo components; returns the periods' starts. */
function checkScores(plan: Plan, calendar: CalendarInput, payee: Payee, index: number): string[] {
  const mboIds = plan.components.filter((c) => c.kind === 'mbo').map((c) => c.id);
  return Object.entries(payee.mbo).map(([label, scores]) => {
    const at = ['payees', index, 'mbo', label];
    let period: ReturnType<typeof parsePeriod> | undefined;
    try {
      period = parsePeriod(calendar, label);
    } catch {
      period = undefined;
    }
    if (period?.grain !== plan.payPeriod)
      throw scenarioProblem(at, `"${label}" is not a ${plan.payPeriod} pay period label`);
    for (const id of Object.keys(scores)) {
      if (!mboIds.includes(id)) throw scenarioProblem([...at, id], `"${id}" is not an mbo component of the plan`);
    }
    return period.start;
  });
}
