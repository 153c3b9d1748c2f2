// Accounts spread over the geos by weight, each in a region, country and city, with a segment that
// decides its size: employees, annual revenue and potential (the yearly wallet for our products).
// A few enterprise accounts have subsidiaries (parent_id). Names are unique, so imports by name work.

import { INDUSTRIES, LEGAL_SUFFIX, NAME_CORES, NAME_PREFIXES } from './demo-names.ts';
import { DEMO_GEOS, type DemoCountry, type DemoGeo, type DemoRegion, regionsOf } from './demo-places.ts';
import type { AccountRow, Segment } from './demo-rows.ts';
import { externalId } from './demo-rows.ts';
import type { Random } from './random.ts';

export interface PlacedRegion {
  readonly geo: DemoGeo;
  readonly region: DemoRegion;
}

export interface DemoAccounts {
  readonly accounts: AccountRow[];
  /** Per account (index = id − 1): where it is and the currency it buys in. */
  readonly places: { region: DemoRegion; geo: DemoGeo; currency: string }[];
}

const SEGMENTS: readonly (readonly [Segment, number])[] = [
  ['smb', 55],
  ['mid_market', 30],
  ['enterprise', 15],
];

/** Employees: median and spread by segment, clamped to the segment's band. */
const EMPLOYEES: Record<Segment, readonly [median: number, sigma: number, min: number, max: number]> = {
  smb: [45, 0.8, 5, 199],
  mid_market: [600, 0.6, 200, 1999],
  enterprise: [7000, 1, 2000, 250000],
};

/** Yearly wallet per employee, USD. */
const WALLET_PER_EMPLOYEE: Record<Segment, number> = { smb: 70, mid_market: 45, enterprise: 25 };

export function placedRegions(regionsPerGeo: number): PlacedRegion[] {
  return DEMO_GEOS.flatMap((geo) => regionsOf(geo, regionsPerGeo).map((region) => ({ geo, region })));
}

export function generateAccounts(count: number, regions: readonly PlacedRegion[], random: Random): DemoAccounts {
  const accounts: AccountRow[] = [];
  const places: DemoAccounts['places'] = [];
  const names = new Set<string>();
  const enterpriseByCountry = new Map<string, number[]>();
  const weights = regions.map((r) => [r, r.geo.weight * r.region.weight] as const);

  for (let id = 1; id <= count; id++) {
    const { geo, region } = random.weighted(weights);
    const country: DemoCountry = random.weighted(region.countries.map((c) => [c, c.weight] as const));
    const city = random.pick(country.cities);
    const segment = random.weighted(SEGMENTS);
    const [industry, words] = random.pick(INDUSTRIES);
    const [median, sigma, min, max] = EMPLOYEES[segment];
    const employees = Math.round(Math.min(max, Math.max(min, random.logNormal(median, sigma))));
    // Revenue and potential are whole thousands of USD, counted as integers and written as decimals.
    const revenueThousands = Math.max(1, Math.round(employees * random.logNormal(180, 0.5)));
    const potentialThousands = Math.max(
      1,
      Math.round((employees * WALLET_PER_EMPLOYEE[segment] * random.logNormal(1, 0.4)) / 1000),
    );

    const siblings = enterpriseByCountry.get(country.code) ?? [];
    enterpriseByCountry.set(country.code, siblings);
    const parentId =
      segment !== 'enterprise' && siblings.length > 0 && random.chance(0.03) ? random.pick(siblings.slice(-50)) : null;
    const stem = parentId
      ? `${accounts[parentId - 1]!.name.split(' ')[0]} ${random.pick(words)}`
      : `${random.pick(NAME_PREFIXES)}${random.pick(NAME_CORES)} ${random.pick(words)}`;
    let name = `${stem} ${LEGAL_SUFFIX[country.code] ?? 'Ltd'}`;
    if (names.has(name)) name = `${stem} ${city} ${LEGAL_SUFFIX[country.code] ?? 'Ltd'}`;
    for (let n = 2; names.has(name); n++) name = `${stem} ${city} ${n} ${LEGAL_SUFFIX[country.code] ?? 'Ltd'}`;
    names.add(name);

    accounts.push({
      id,
      external_id: externalId('A', id, 5),
      name,
      parent_id: parentId,
      industry,
      segment,
      country: country.code,
      region: region.name,
      city,
      employees,
      annual_revenue: `${revenueThousands}000.00`,
      potential: `${potentialThousands}000.00`,
    });
    places.push({ region, geo, currency: country.currency });
    if (segment === 'enterprise') siblings.push(id);
  }
  return { accounts, places };
}
