// The seeded, deterministic demo company (issue "Demo company generator"): a multi-geo B2B
// software company over three fiscal years ending with the one `today` is in. Same seed, size and
// today give identical rows. The small tables are arrays; deals (opportunities, snapshots, splits,
// transactions) come as chunks from a generator, so even the large size never sits in memory at
// once; quotas are sized from the bookings and are ready once the deals have been generated.

import { assertIsoDate, dateParts, type IsoDate } from '../dates/iso-date.ts';
import { AttainError } from '../errors.ts';
import { createBookingLedger } from './booking-ledger.ts';
import type { DealWorld, DemoDates } from './deal-world.ts';
import type {
  AccountRow,
  DemoDealChunk,
  FxRateRow,
  MboScoreRow,
  OrgUnitRow,
  PersonHistoryRow,
  PersonRow,
  PlanAssignmentRow,
  PlanVersionRow,
  ProductRow,
  QuotaRow,
  TerritoryAssignmentRow,
  TerritoryOwnerRow,
  TerritoryRow,
} from './demo-rows.ts';
import { type DemoSize, type DemoSizeProfile, demoSizeProfile } from './demo-size.ts';
import { generateAccounts, placedRegions } from './generate-accounts.ts';
import { generateFxRates } from './generate-fx-rates.ts';
import { dealsForAccount } from './generate-opportunities.ts';
import { generateOrg } from './generate-org.ts';
import { generatePeople } from './generate-people.ts';
import { generatePlans } from './generate-plans.ts';
import { generateProducts } from './generate-products.ts';
import { generateQuotas } from './generate-quotas.ts';
import { generateTerritories } from './generate-territories.ts';
import { createRandom } from './random.ts';

export const DEFAULT_DEMO_SEED = 42;

/**
 * The people behind the demo logins, by external id; the same for every seed and size. The admin
 * and ops people run Sales Operations, finance is a commission analyst (job role ops), the manager
 * leads a team of reps, and the rep reports to that manager. None of them ever leaves.
 */
export const demoLoginPeople = {
  admin: 'P-0002',
  ops: 'P-0003',
  finance: 'P-0004',
  manager: 'P-0005',
  rep: 'P-0006',
} as const satisfies { admin?: string; ops: string; finance: string; manager: string; rep: string };

export interface DemoCompanyOptions {
  size: DemoSize | string;
  seed?: number;
  today: IsoDate;
}

export interface DemoCompany {
  readonly options: { size: DemoSize; seed: number; today: IsoDate };
  readonly profile: DemoSizeProfile;
  readonly dates: DemoDates;
  readonly orgUnits: OrgUnitRow[];
  readonly people: PersonRow[];
  readonly personHistory: PersonHistoryRow[];
  readonly products: ProductRow[];
  readonly accounts: AccountRow[];
  readonly territories: TerritoryRow[];
  readonly territoryOwners: TerritoryOwnerRow[];
  readonly territoryAssignments: TerritoryAssignmentRow[];
  readonly fxRates: FxRateRow[];
  /** Compensation plans as YAML, one per role and currency (DESIGN §6), in version order. */
  readonly plans: PlanVersionRow[];
  /** Who is on which plan, effective-dated with their role history. */
  readonly planAssignments: PlanAssignmentRow[];
  /** Quarterly scores of the plans' mbo components. */
  readonly mboScores: MboScoreRow[];
  /** Opportunities with their snapshots, splits and transactions, a block of accounts at a time. */
  deals(): Generator<DemoDealChunk>;
  /** Bookings quotas; call after deals() has run to its end (they are sized from the bookings). */
  quotas(): QuotaRow[];
}

export function demoDates(today: IsoDate): DemoDates {
  const { year } = dateParts(assertIsoDate(today, 'today'));
  return {
    origin: `${year - 3}-07-01`,
    windowStart: `${year - 2}-01-01`,
    today,
    fiscalYears: [year - 2, year - 1, year],
  };
}

export function generateDemoCompany(options: DemoCompanyOptions): DemoCompany {
  const profile = demoSizeProfile(options.size);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isSafeInteger(seed)) {
    throw new AttainError('DEMO_SEED_INVALID', `The demo seed must be a whole number, not ${seed}`, { value: seed });
  }
  const dates = demoDates(options.today);
  const { origin, windowStart, today } = dates;
  const org = generateOrg(profile, createRandom(seed, 'org'), windowStart, today);
  const staffing = generatePeople(org, createRandom(seed, 'people'), origin, windowStart, today);
  const accounts = generateAccounts(
    profile.accounts,
    placedRegions(profile.regionsPerGeo),
    createRandom(seed, 'accounts'),
  );
  const territories = generateTerritories(
    org,
    staffing,
    accounts,
    profile.overlayTerritories,
    createRandom(seed, 'territories'),
    dates,
  );
  const fx = generateFxRates(createRandom(seed, 'fx'), origin, today);
  const products = generateProducts();
  const ledger = createBookingLedger(staffing.history);
  const comp = generatePlans(staffing.people, staffing.history, fx, dates, createRandom(seed, 'plans'));
  const world: DealWorld = { seed, profile, dates, accounts, products, fx, org, staffing, territories, ledger };
  let dealsDone = false;

  return {
    options: { size: profile.size, seed, today },
    profile,
    dates,
    orgUnits: org.orgUnits,
    people: staffing.people,
    personHistory: staffing.history,
    products,
    accounts: accounts.accounts,
    territories: territories.territories,
    territoryOwners: territories.owners,
    territoryAssignments: territories.assignments,
    fxRates: fx.rows,
    plans: comp.plans,
    planAssignments: comp.assignments,
    mboScores: comp.mboScores,
    *deals() {
      dealsDone = false;
      ledger.clear();
      const random = createRandom(seed, 'deals');
      const ids = { opportunity: 0, transaction: 0 };
      const all = accounts.accounts;
      for (let start = 0; start < all.length; start += profile.accountsPerChunk) {
        const chunk: DemoDealChunk = { opportunities: [], snapshots: [], splits: [], transactions: [] };
        for (const account of all.slice(start, start + profile.accountsPerChunk)) {
          dealsForAccount(world, random, account, chunk, ids);
        }
        yield chunk;
      }
      dealsDone = true;
    },
    quotas() {
      if (!dealsDone) {
        throw new AttainError('DEMO_DEALS_PENDING', 'Generate the deals (run deals() to its end) before the quotas');
      }
      return generateQuotas(world, staffing.history, createRandom(seed, 'quotas'));
    },
  };
}

/** Everything at once, for tests and small sizes: the deal chunks concatenated, and the quotas. */
export function materializeDemoCompany(company: DemoCompany): DemoDealChunk & { quotas: QuotaRow[] } {
  const all: DemoDealChunk = { opportunities: [], snapshots: [], splits: [], transactions: [] };
  for (const chunk of company.deals()) {
    for (const key of ['opportunities', 'snapshots', 'splits', 'transactions'] as const) {
      for (const row of chunk[key]) (all[key] as unknown[]).push(row);
    }
  }
  return { ...all, quotas: company.quotas() };
}
