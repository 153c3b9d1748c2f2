// The demo company's compensation plans (DESIGN §6) as YAML, one per role and pay currency, with
// who is on which plan when and their quarterly MBO scores. Account executives (job role rep) earn
// marginal tiers on annual bookings attainment × target incentive, a new-logo bonus per large
// new-business deal, an attainment bonus and a quarterly MBO; their plan got steeper accelerators
// from the current fiscal year (version 2). Sales managers are paid on their team's roll-up
// bookings; overlay specialists a rate on the bookings they are credited for, without a quota.
// SDRs carry no quota and get no credits in the demo, so they have no plan. Amounts are set in USD
// and converted to each currency at the start of the window, rounded to two significant digits.
import { addDays, dateParts, fromParts, type IsoDate, maxDate } from '../dates/iso-date.ts';
import { Decimal } from '../money/decimal.ts';
import type { DemoDates } from './deal-world.ts';
import type {
  JobRole,
  MboScoreRow,
  PersonHistoryRow,
  PersonRow,
  PlanAssignmentRow,
  PlanVersionRow,
} from './demo-rows.ts';
import type { FxTable } from './generate-fx-rates.ts';
import type { Random } from './random.ts';

type PlanKind = 'ae' | 'manager' | 'overlay';

const PLAN_OF_ROLE: Partial<Record<JobRole, PlanKind>> = { rep: 'ae', manager: 'manager', overlay: 'overlay' };

/** Target incentive per fiscal year in USD, before each person's ±10%. */
const TARGET_INCENTIVE_USD: Record<PlanKind, number> = { ae: 60_000, manager: 85_000, overlay: 40_000 };

/** The mbo component each plan has, scored in the last month of each quarter. */
const MBO_COMPONENT: Record<PlanKind, string | null> = { ae: 'goals', manager: 'goals', overlay: null };

export const ALWAYS: IsoDate = '1900-01-01';

export interface DemoPlans {
  plans: PlanVersionRow[];
  assignments: PlanAssignmentRow[];
  mboScores: MboScoreRow[];
}

export function generatePlans(
  people: readonly PersonRow[],
  history: readonly PersonHistoryRow[],
  fx: FxTable,
  dates: DemoDates,
  random: Random,
): DemoPlans {
  const local = (currency: string, usd: number): string => {
    const amount = new Decimal(usd).dividedBy(fx.rateOn(currency, dates.windowStart));
    return amount.toSignificantDigits(2).toFixed(0);
  };
  const currentYearStart = fromParts(dates.fiscalYears[dates.fiscalYears.length - 1]!, 1, 1);

  const rowsByPerson = new Map<number, PersonHistoryRow[]>();
  for (const row of history) {
    if (!rowsByPerson.has(row.person_id)) rowsByPerson.set(row.person_id, []);
    rowsByPerson.get(row.person_id)!.push(row);
  }

  const used = new Set<string>();
  const assignments: (PlanAssignmentRow & { orgUnit: number | null })[] = [];
  const kinds = new Map<number, PlanKind>();
  for (const person of people) {
    const rows = (rowsByPerson.get(person.id) ?? []).slice().sort((a, b) => (a.valid_from < b.valid_from ? -1 : 1));
    let open: (typeof assignments)[number] | undefined;
    for (const row of rows) {
      const kind = PLAN_OF_ROLE[row.job_role];
      // a role change or a transfer to another org unit starts a new assignment; a new manager does not
      if (
        open &&
        kind &&
        open.valid_to === row.valid_from &&
        kinds.get(open.id) === kind &&
        open.orgUnit === row.org_unit_id
      ) {
        open.valid_to = row.valid_to;
        continue;
      }
      if (!kind) {
        open = undefined;
        continue;
      }
      const planId = `${kind}-${person.currency.toLowerCase()}`;
      used.add(planId);
      const stretch = 0.9 + 0.1 * random.int(0, 2);
      open = {
        id: assignments.length + 1,
        person_id: person.id,
        plan_id: planId,
        valid_from: row.valid_from,
        valid_to: row.valid_to,
        target_incentive: local(person.currency, TARGET_INCENTIVE_USD[kind] * stretch),
        currency: person.currency,
        orgUnit: row.org_unit_id,
      };
      kinds.set(open.id, kind);
      assignments.push(open);
    }
  }

  const mboScores: MboScoreRow[] = [];
  for (const assignment of assignments) {
    const component = MBO_COMPONENT[kinds.get(assignment.id)!];
    if (!component) continue;
    // the quarter-end months this assignment covers, from the window's start to the last complete one
    const { year, month } = dateParts(maxDate(assignment.valid_from, dates.windowStart));
    for (let y = year, m = Math.ceil(month / 3) * 3; ; m += 3) {
      if (m > 12) {
        y += 1;
        m -= 12;
      }
      const monthEnd = addDays(fromParts(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1), -1);
      if (monthEnd >= dates.today) break;
      if (assignment.valid_to !== null && assignment.valid_to <= monthEnd) break;
      const score = (50 + 5 * random.int(0, 10)) / 100;
      mboScores.push({
        person_id: assignment.person_id,
        component,
        period: `${y}-${String(m).padStart(2, '0')}`,
        score: score.toFixed(2),
      });
    }
  }

  const plans: PlanVersionRow[] = [];
  for (const planId of [...used].sort()) {
    const [kind, code] = planId.split('-') as [PlanKind, string];
    const currency = code.toUpperCase();
    const money = (usd: number) => local(currency, usd);
    if (kind === 'ae') {
      plans.push({ plan_id: planId, version: 1, valid_from: ALWAYS, source: aePlan(planId, currency, money, 1) });
      plans.push({
        plan_id: planId,
        version: 2,
        valid_from: currentYearStart,
        source: aePlan(planId, currency, money, 2),
      });
    } else {
      const source = kind === 'manager' ? managerPlan(planId, currency) : overlayPlan(planId, currency, money);
      plans.push({ plan_id: planId, version: 1, valid_from: ALWAYS, source });
    }
  }

  return { plans, assignments: assignments.map(({ orgUnit: _, ...row }) => row), mboScores };
}

function aePlan(id: string, currency: string, money: (usd: number) => string, version: 1 | 2): string {
  const [middle, top] = version === 1 ? ['1.5', '2.0'] : ['1.6', '2.4'];
  return `# Account executives paid in ${currency}. Commission is a share of the target incentive by
# annual bookings attainment (marginal tiers), paid monthly; version 2 has steeper accelerators.
id: ${id}
name: Account Executive (${currency})
currency: ${currency}
payPeriod: month
quotaPeriod: year
components:
  - id: commission
    kind: rate-table
    measure: bookings
    input: attainment
    scope: cumulative
    method: marginal
    rateBase: target
    tiers:
      - { from: 0, to: 1.0, rate: 0.75 }
      - { from: 1.0, to: 1.5, rate: ${middle} }
      - { from: 1.5, rate: ${top} }
  - id: new-logo
    kind: per-credit-bonus
    measure: bookings
    when: { type: new_business, amountAtLeast: ${money(50_000)} }
    amount: ${money(500)}
  - id: club
    kind: attainment-bonus
    measure: bookings
    steps: [ { atLeast: 1.0, amount: ${money(5_000)} }, { atLeast: 1.5, amount: ${money(10_000)} } ]
  - { id: goals, kind: mbo, weight: 0.025 }   # scored each quarter: 10% of target a year
`;
}

function managerPlan(id: string, currency: string): string {
  return `# Sales managers paid in ${currency}, on their team's bookings: a manager's bookings credits are
# the roll-up of everyone below them (DESIGN §5.2), against the manager's own quota.
id: ${id}
name: Sales Manager (${currency})
currency: ${currency}
payPeriod: month
quotaPeriod: year
components:
  - id: team-commission
    kind: rate-table
    measure: bookings
    input: attainment
    rateBase: target
    tiers:
      - { from: 0, to: 1.0, rate: 0.8 }
      - { from: 1.0, rate: 1.6 }
  - { id: goals, kind: mbo, weight: 0.05 }    # scored each quarter: 20% of target a year
`;
}

function overlayPlan(id: string, currency: string, money: (usd: number) => string): string {
  return `# Overlay specialists paid in ${currency}: a rate on the bookings they are credited for through
# their overlay territory, no quota; paid quarterly, capped each year.
id: ${id}
name: Solutions Specialist overlay (${currency})
currency: ${currency}
payPeriod: quarter
quotaPeriod: year
components:
  - id: overlay-commission
    kind: rate-table
    measure: bookings
    input: amount
    tiers:
      - { from: 0, to: ${money(2_000_000)}, rate: 0.01 }
      - { from: ${money(2_000_000)}, rate: 0.015 }
    cap: ${money(150_000)}
`;
}
