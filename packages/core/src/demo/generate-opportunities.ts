// The deals of one account: how many (by segment), when created (more each year), which product,
// how big, and whether won — win chances differ by segment and by rep (a stable per-rep skill).
// Each deal gets its row as of today, a snapshot every Monday it was open, one at its close, and
// for ~3% of won deals a two-way revenue split.
import { addDays, daysBetween, fromDayNumber, type IsoDate, toDayNumber, weekday } from '../dates/iso-date.ts';
import { minorUnits } from '../money/currency.ts';
import { Decimal } from '../money/decimal.ts';
import { type DealWorld, ownerAt, teammatesAt } from './deal-world.ts';
import { PARTNERS } from './demo-names.ts';
import type { AccountRow, DemoDealChunk, OpportunityRow, Segment } from './demo-rows.ts';
import { externalId } from './demo-rows.ts';
import { transactionsForWonDeal } from './generate-transactions.ts';
import { OPEN_STAGES, type OpportunityState, opportunityTimeline, STAGE_PROBABILITY } from './opportunity-timeline.ts';
import { hashUnit, type Random } from './random.ts';

/** Product weights by segment [smb, mid_market, enterprise], in catalog order (generate-products.ts). */
const PRODUCT_WEIGHTS: readonly (readonly [number, number, number])[] = [
  [30, 10, 2],
  [12, 20, 10],
  [1, 6, 16],
  [12, 10, 6],
  [3, 8, 10],
  [4, 6, 8],
  [12, 10, 5],
  [3, 8, 10],
  [6, 7, 8],
  [6, 8, 12],
  [4, 6, 8],
  [10, 6, 3],
];
const SEGMENT_INDEX: Record<Segment, number> = { smb: 0, mid_market: 1, enterprise: 2 };
const CONTRACT_MONTHS: Record<Segment, readonly (readonly [number, number])[]> = {
  smb: [
    [12, 70],
    [24, 20],
    [36, 10],
  ],
  mid_market: [
    [12, 45],
    [24, 35],
    [36, 20],
  ],
  enterprise: [
    [12, 30],
    [24, 35],
    [36, 35],
  ],
};
/** Licences bought, as a multiple of one list-price unit. */
const QUANTITY: Record<Segment, number> = { smb: 0.6, mid_market: 1.5, enterprise: 4 };
const WIN_CHANCE: Record<Segment, number> = { smb: 0.36, mid_market: 0.31, enterprise: 0.27 };
const LEAD_DAYS = 150;
const SPLITS: readonly (readonly [number, number])[] = [
  [50, 50],
  [60, 40],
  [70, 30],
];

/** Amounts are whole rounding units: ¥10,000 for JPY, 100 for the others. */
function roundingUnit(currency: string): number {
  return currency === 'JPY' ? 10_000 : 100;
}

function formatUnits(units: number, currency: string): string {
  return new Decimal(units).times(roundingUnit(currency)).toFixed(minorUnits(currency));
}

/** Created dates over [windowStart − LEAD_DAYS, today], denser later: the business grows ~25% a year. */
function createdDates(random: Random, count: number, from: IsoDate, today: IsoDate): IsoDate[] {
  const span = daysBetween(from, today);
  const g = 1;
  return Array.from({ length: count }, () => {
    const x = (Math.sqrt(1 + (2 * g + g * g) * random.next()) - 1) / g;
    return addDays(from, Math.floor(x * span));
  }).sort();
}

export function dealsForAccount(
  world: DealWorld,
  random: Random,
  account: AccountRow,
  chunk: DemoDealChunk,
  ids: DealIds,
): void {
  const { dates, seed } = world;
  const currency = world.accounts.places[account.id - 1]!.currency;
  const segment = account.segment;
  const count = random.poisson(world.profile.opportunitiesPerAccount[segment]);
  const wonCloses: IsoDate[] = [];
  for (const created of createdDates(random, count, addDays(dates.windowStart, -LEAD_DAYS), dates.today)) {
    const type: OpportunityRow['type'] = wonCloses.some((d) => d <= created)
      ? random.weighted([
          ['expansion', 60],
          ['renewal', 25],
          ['new_business', 15],
        ] as const)
      : 'new_business';
    const product = random.weighted(
      world.products.map((p, i) => [p, PRODUCT_WEIGHTS[i]?.[SEGMENT_INDEX[segment]] ?? 1] as const),
    );
    const months = random.weighted(CONTRACT_MONTHS[segment]);
    const creator = ownerAt(world, account.id, created);
    const skill = 0.7 + 0.65 * hashUnit(seed, `skill:${creator}`);
    const winChance = Math.min(
      0.85,
      Math.max(0.05, WIN_CHANCE[segment] * skill * (type === 'new_business' ? 1 : 1.35)),
    );
    const yearlyUsd =
      Number(product.list_price) * random.logNormal(QUANTITY[segment], 0.5) * (1 - 0.25 * random.next());
    const localTotal = (yearlyUsd * months) / 12 / Number(world.fx.rateOn(currency, created));
    const finalUnits = Math.max(1, Math.round(localTotal / roundingUnit(currency)));
    const timeline = opportunityTimeline(random, created, segment, winChance, finalUnits);
    const partner = random.chance(0.12) ? random.pick(PARTNERS) : null;
    const splitRoll = random.next();
    if (timeline.closeDate < dates.windowStart) continue;

    const closed = timeline.closeDate <= dates.today;
    const id = ++ids.opportunity;
    const amountOf = (state: OpportunityState) => formatUnits(state.units, currency);
    const finalState = stateOn(timeline.events, closed ? timeline.closeDate : dates.today);
    const owner = ownerAt(world, account.id, closed ? timeline.closeDate : dates.today);
    const status = closed ? (timeline.won ? 'won' : 'lost') : 'open';
    const opportunity: OpportunityRow = {
      id,
      external_id: externalId('O', id, 6),
      name: `${account.name.split(' ').slice(0, 2).join(' ')} – ${product.name}${type === 'new_business' ? '' : type === 'expansion' ? ' (Expansion)' : ' (Renewal)'}`,
      account_id: account.id,
      owner_id: owner,
      product_id: product.id,
      stage: closed ? (timeline.won ? 'Closed Won' : 'Closed Lost') : OPEN_STAGES[finalState.stage]!,
      status,
      probability: closed ? (timeline.won ? '100' : '0') : STAGE_PROBABILITY[finalState.stage]!,
      forecast_category: closed ? (timeline.won ? 'closed' : 'omitted') : finalState.forecastCategory,
      amount: amountOf(finalState),
      currency,
      created_date: created,
      close_date: closed ? timeline.closeDate : finalState.closeDate,
      type,
      partner,
    };
    chunk.opportunities.push(opportunity);

    // Weekly snapshots: every Monday the deal was open, as it stood that day; then one at its close.
    let event = 0;
    const amounts = timeline.events.map((e) => amountOf(e.state));
    const end = toDayNumber(closed ? timeline.closeDate : addDays(dates.today, 1));
    for (let day = toDayNumber(created) + ((8 - weekday(created)) % 7); day < end; day += 7) {
      const monday = fromDayNumber(day);
      while (event + 1 < timeline.events.length && timeline.events[event + 1]!.date <= monday) event++;
      const state = timeline.events[event]!.state;
      chunk.snapshots.push({
        opportunity_id: id,
        snapshot_date: monday,
        account_id: account.id,
        owner_id: ownerAt(world, account.id, monday),
        stage: OPEN_STAGES[state.stage]!,
        status: 'open',
        probability: STAGE_PROBABILITY[state.stage]!,
        forecast_category: state.forecastCategory,
        amount: amounts[event]!,
        currency,
        close_date: state.closeDate,
      });
    }
    if (closed) {
      chunk.snapshots.push({
        opportunity_id: id,
        snapshot_date: timeline.closeDate,
        account_id: account.id,
        owner_id: owner,
        stage: opportunity.stage,
        status,
        probability: opportunity.probability,
        forecast_category: opportunity.forecast_category,
        amount: opportunity.amount,
        currency,
        close_date: timeline.closeDate,
      });
    }
    if (status !== 'won') continue;

    wonCloses.push(timeline.closeDate);
    const teammates = splitRoll < 0.03 ? teammatesAt(world, account.id, timeline.closeDate, owner) : [];
    const credits: [number, number][] = [[owner, 100]];
    if (teammates.length > 0) {
      const [mine, theirs] = SPLITS[Math.floor(splitRoll * 1000) % SPLITS.length]!;
      const other = teammates[Math.floor(splitRoll * 10_000) % teammates.length]!;
      credits.splice(0, 1, [owner, mine], [other, theirs]);
      for (const [person, percent] of credits) {
        chunk.splits.push({ opportunity_id: id, person_id: person, percent: String(percent), type: 'revenue' });
      }
    }
    const usd = new Decimal(opportunity.amount).times(world.fx.rateOn(currency, timeline.closeDate));
    for (const [person, percent] of credits)
      world.ledger.credit(person, timeline.closeDate, usd.times(percent).dividedBy(100));
    chunk.transactions.push(...transactionsForWonDeal(world, random, opportunity, months, product.family, ids));
  }
}

export interface DealIds {
  opportunity: number;
  transaction: number;
}

function stateOn(events: readonly { date: IsoDate; state: OpportunityState }[], date: IsoDate): OpportunityState {
  let found = events[0]!.state;
  for (const e of events) if (e.date <= date) found = e.state;
  return found;
}
