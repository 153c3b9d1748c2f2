// Territories: one per geo as parents, a leaf account territory per team and segment (enterprise,
// commercial), and overlay territories by product family. Owners follow the seat that carries the
// territory: a vacancy is covered by the manager, or, when still open today, held by a TBH
// placeholder. Accounts are assigned by region and segment; a few move mid-history. Enterprise
// accounts are also assigned to the overlay territories of their geo (type 'overlay').
import { addDays, daysBetween, type IsoDate } from '../dates/iso-date.ts';
import type { TerritoryAssignmentRow, TerritoryOwnerRow, TerritoryRow } from './demo-rows.ts';
import { externalId } from './demo-rows.ts';
import type { DemoAccounts } from './generate-accounts.ts';
import type { DemoOrg, TerritoryKind } from './generate-org.ts';
import type { Staffing } from './generate-people.ts';
import type { Random } from './random.ts';

const OVERLAYS: readonly { name: string; family: string; geos: readonly string[] }[] = [
  { name: 'Analytics Overlay Americas', family: 'Analytics', geos: ['NA', 'LATAM'] },
  { name: 'Security Overlay Global', family: 'Security', geos: ['NA', 'EMEA', 'APJ', 'LATAM'] },
  { name: 'Analytics Overlay EMEA & APJ', family: 'Analytics', geos: ['EMEA', 'APJ'] },
  { name: 'Data Overlay Global', family: 'Data', geos: ['NA', 'EMEA', 'APJ', 'LATAM'] },
];

const KIND_LABEL: Record<TerritoryKind, string> = {
  enterprise: 'Enterprise',
  mid_market: 'Mid-Market',
  smb: 'SMB',
  commercial: 'Commercial',
};

export interface DemoTerritories {
  readonly territories: TerritoryRow[];
  readonly owners: TerritoryOwnerRow[];
  readonly assignments: TerritoryAssignmentRow[];
  /** Per leaf territory id: the team that works its accounts. */
  readonly teamOfTerritory: Map<number, number>;
  /** The leaf territory of an account on a date. */
  territoryAt(accountId: number, date: IsoDate): number;
}

export function generateTerritories(
  org: DemoOrg,
  staffing: Staffing,
  demoAccounts: DemoAccounts,
  overlayCount: number,
  random: Random,
  dates: { origin: IsoDate; windowStart: IsoDate; today: IsoDate },
): DemoTerritories {
  const territories: TerritoryRow[] = [];
  const owners: TerritoryOwnerRow[] = [];
  const carrierSeat = new Map<number, number>();
  const teamOfTerritory = new Map<number, number>();
  const add = (
    name: string,
    parent: number | null,
    type: TerritoryRow['type'],
    family: string | null,
    seat: number,
  ) => {
    const id = territories.length + 1;
    territories.push({
      id,
      external_id: externalId('T', id, 4),
      name,
      parent_id: parent,
      type,
      product_family: family,
      valid_from: dates.origin,
      valid_to: null,
    });
    carrierSeat.set(id, seat);
    return id;
  };

  const geoTerritory = new Map<string, number>();
  for (const [code, seat] of org.geoLeaderSeat) {
    const geo = org.teams.find((t) => t.geo.code === code)?.geo;
    if (geo) geoTerritory.set(code, add(geo.name, null, 'account', null, seat));
  }
  /** Per region name and segment kind: the leaf territories that cover it. */
  const leaves = new Map<string, number[]>();
  for (const team of org.teams) {
    team.segments.forEach((segment, k) => {
      const name = team.segments.length === 1 ? team.name : `${team.name} ${KIND_LABEL[segment]}`;
      const id = add(name, geoTerritory.get(team.geo.code)!, 'account', null, team.repSeats[k]!);
      teamOfTerritory.set(id, team.index);
      const key = `${team.region.name}|${segment}`;
      leaves.set(key, [...(leaves.get(key) ?? []), id]);
    });
  }
  const overlayIds = OVERLAYS.slice(0, overlayCount).map((o, i) =>
    add(o.name, null, 'overlay', o.family, org.overlaySeats[i]!),
  );

  for (const territory of territories) {
    const seat = carrierSeat.get(territory.id)!;
    for (const run of ownerRuns(seat, staffing, org, dates.origin, dates.today)) {
      owners.push({
        id: owners.length + 1,
        territory_id: territory.id,
        person_id: run.person,
        tbh_label: run.person === null ? `TBH ${territory.name}` : null,
        valid_from: run.from,
        valid_to: run.to,
      });
    }
  }

  const assignments: TerritoryAssignmentRow[] = [];
  const moves = new Map<number, { date: IsoDate; before: number }>();
  const current: number[] = [];
  const span = daysBetween(dates.windowStart, dates.today);
  const regionLeaves = new Map<string, number[]>();
  for (const [key, ids] of leaves) {
    const region = key.split('|')[0]!;
    regionLeaves.set(region, [...(regionLeaves.get(region) ?? []), ...ids]);
  }
  for (const account of demoAccounts.accounts) {
    const place = demoAccounts.places[account.id - 1]!;
    const options =
      leaves.get(`${place.region.name}|${account.segment}`) ?? leaves.get(`${place.region.name}|commercial`)!;
    const home = options[account.id % options.length]!;
    const assign = (territory: number, from: IsoDate, to: IsoDate | null) =>
      assignments.push({
        id: assignments.length + 1,
        account_id: account.id,
        territory_id: territory,
        valid_from: from,
        valid_to: to,
        source: 'demo',
      });
    const target = random.chance(0.01) ? (regionLeaves.get(place.region.name) ?? []).filter((t) => t !== home) : [];
    if (target.length > 0) {
      const date = addDays(dates.windowStart, random.int(60, span - 30));
      const after = random.pick(target);
      assign(home, dates.origin, date);
      assign(after, date, null);
      moves.set(account.id, { date, before: home });
      current.push(after);
    } else {
      assign(home, dates.origin, null);
      current.push(home);
    }
    if (account.segment === 'enterprise') {
      OVERLAYS.slice(0, overlayCount).forEach((o, i) => {
        if (o.geos.includes(place.geo.code)) assign(overlayIds[i]!, dates.origin, null);
      });
    }
  }

  return {
    territories,
    owners,
    assignments,
    teamOfTerritory,
    territoryAt(accountId, date) {
      const move = moves.get(accountId);
      return move && date < move.date ? move.before : current[accountId - 1]!;
    },
  };
}

/** Who owns the territory a seat carries, run by run: the incumbent, else the manager, else TBH. */
function ownerRuns(seat: number, staffing: Staffing, org: DemoOrg, origin: IsoDate, today: IsoDate) {
  const cuts = new Set<IsoDate>();
  for (let s: number | null = seat; s !== null; s = org.seats[s]!.parent) {
    for (const stint of staffing.stintsBySeat[s]!) {
      for (const d of [stint.from, stint.to]) if (d && d > origin && d <= today) cuts.add(d);
    }
  }
  const lastStart = staffing.stintsBySeat[seat]!.reduce((max, s) => (s.from > max ? s.from : max), '');
  const starts = [origin, ...[...cuts].sort()];
  const runs: { from: IsoDate; to: IsoDate | null; person: number | null }[] = [];
  starts.forEach((from, i) => {
    const incumbent = staffing.incumbentAt(seat, from);
    const openRequisition = incumbent === null && lastStart < from;
    const person = incumbent ?? (openRequisition ? null : staffing.managerAt(seat, from));
    const to = starts[i + 1] ?? null;
    const previous = runs[runs.length - 1];
    if (previous && previous.person === person) previous.to = to;
    else runs.push({ from, to, person });
  });
  return runs;
}
