// What deal generation reads: the company built so far (people, territories, products, FX) and
// who works an account on a date. Owners follow the account's territory: the team behind it works
// its accounts, each account with one rep seat of the team (the next filled seat when it is vacant,
// the team's manager when all are).
import type { IsoDate } from '../dates/iso-date.ts';
import type { BookingLedger } from './booking-ledger.ts';
import type { ProductRow } from './demo-rows.ts';
import type { DemoSizeProfile } from './demo-size.ts';
import type { DemoAccounts } from './generate-accounts.ts';
import type { FxTable } from './generate-fx-rates.ts';
import type { DemoOrg } from './generate-org.ts';
import type { Staffing } from './generate-people.ts';
import type { DemoTerritories } from './generate-territories.ts';

export interface DemoDates {
  /** Where territories, assignments and FX rates begin, before the first opportunity. */
  readonly origin: IsoDate;
  /** The first day of the first of the three fiscal years. */
  readonly windowStart: IsoDate;
  readonly today: IsoDate;
  readonly fiscalYears: readonly number[];
}

export interface DealWorld {
  readonly seed: number;
  readonly profile: DemoSizeProfile;
  readonly dates: DemoDates;
  readonly accounts: DemoAccounts;
  readonly products: readonly ProductRow[];
  readonly fx: FxTable;
  readonly org: DemoOrg;
  readonly staffing: Staffing;
  readonly territories: DemoTerritories;
  readonly ledger: BookingLedger;
}

export function ownerAt(world: DealWorld, accountId: number, date: IsoDate): number {
  const territory = world.territories.territoryAt(accountId, date);
  const team = world.org.teams[world.territories.teamOfTerritory.get(territory)!]!;
  const seats = team.repSeats;
  for (let k = 0; k < seats.length; k++) {
    const person = world.staffing.incumbentAt(seats[(accountId + k) % seats.length]!, date);
    if (person !== null) return person;
  }
  return world.staffing.incumbentAt(team.managerSeat, date) ?? world.staffing.managerAt(team.managerSeat, date) ?? 1;
}

/** The other reps of the owner's team on a date, for split deals. */
export function teammatesAt(world: DealWorld, accountId: number, date: IsoDate, owner: number): number[] {
  const territory = world.territories.territoryAt(accountId, date);
  const team = world.org.teams[world.territories.teamOfTerritory.get(territory)!]!;
  return team.repSeats
    .map((seat) => world.staffing.incumbentAt(seat, date))
    .filter((person): person is number => person !== null && person !== owner);
}
