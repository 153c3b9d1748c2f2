// The demo company's shape: org units (company → geo → region → team) and the seats people sit in.
// A seat is a position (a team's third rep, a region's director); people come and go through it
// (generate-people.ts). The first seats are the demo logins: their people never leave.
import { addDays, type IsoDate } from '../dates/iso-date.ts';
import { DEMO_GEOS, type DemoGeo, type DemoRegion, regionsOf } from './demo-places.ts';
import type { JobRole, OrgUnitRow } from './demo-rows.ts';
import { externalId } from './demo-rows.ts';
import type { DemoSizeProfile } from './demo-size.ts';
import type { Random } from './random.ts';

export type TerritoryKind = 'enterprise' | 'mid_market' | 'smb' | 'commercial';

export type SeatKind = 'exec' | 'ops' | 'finance' | 'vp' | 'director' | 'manager' | 'rep' | 'sdr' | 'overlay';

export interface Seat {
  readonly index: number;
  readonly kind: SeatKind;
  readonly jobRole: JobRole;
  readonly title: string;
  readonly orgUnitId: number;
  /** The seat this one reports to; its incumbent (or the next one up) is the manager. */
  readonly parent: number | null;
  readonly currency: string;
  /** Demo-login seats: the first incumbent stays to the end. */
  readonly stable: boolean;
  readonly team: number | null;
  /** Yearly chance the incumbent leaves. */
  readonly attrition: number;
  /** A seat created during the history (growth hire); null = existed from the start. */
  opensOn: IsoDate | null;
  /** An open requisition: whoever sits here leaves on this date and nobody is hired before today. */
  holdFrom: IsoDate | null;
}

export interface Team {
  readonly index: number;
  readonly orgUnitId: number;
  readonly name: string;
  readonly geo: DemoGeo;
  readonly region: DemoRegion;
  /** The territory kinds this team covers, one leaf territory each ('commercial' = mid-market and SMB). */
  readonly segments: readonly TerritoryKind[];
  readonly managerSeat: number;
  readonly repSeats: number[];
}

export interface DemoOrg {
  readonly orgUnits: OrgUnitRow[];
  readonly seats: Seat[];
  readonly teams: Team[];
  /** Per geo code: the seat that owns the geo-level territory (the VP, else the CRO). */
  readonly geoLeaderSeat: Map<string, number>;
  readonly overlaySeats: number[];
  /** The order in which the first incumbents are created, so the login people get P-0001…P-0006. */
  readonly hiringOrder: number[];
}

const ATTRITION: Record<SeatKind, number> = {
  exec: 0,
  ops: 0.08,
  finance: 0.08,
  vp: 0.08,
  director: 0.1,
  manager: 0.12,
  rep: 0.22,
  sdr: 0.35,
  overlay: 0.15,
};

const JOB_ROLE: Record<SeatKind, JobRole> = {
  exec: 'exec',
  ops: 'ops',
  finance: 'ops',
  vp: 'manager',
  director: 'manager',
  manager: 'manager',
  rep: 'rep',
  sdr: 'sdr',
  overlay: 'overlay',
};

export const OVERLAY_FAMILIES = ['Analytics', 'Security', 'Analytics', 'Data'] as const;

export function generateOrg(profile: DemoSizeProfile, random: Random, windowStart: IsoDate, today: IsoDate): DemoOrg {
  const orgUnits: OrgUnitRow[] = [];
  const seats: Seat[] = [];
  const teams: Team[] = [];
  const unit = (name: string, parent: number | null, type: OrgUnitRow['type']): number => {
    const id = orgUnits.length + 1;
    orgUnits.push({ id, external_id: externalId('OU', id, 3), name, parent_id: parent, type });
    return id;
  };
  const seat = (
    kind: SeatKind,
    title: string,
    orgUnitId: number,
    parent: number | null,
    currency: string,
    extra: Partial<Seat> = {},
  ) => {
    const index = seats.length;
    const base = { index, kind, jobRole: JOB_ROLE[kind], title, orgUnitId, parent, currency };
    seats.push({
      ...base,
      stable: false,
      team: null,
      attrition: ATTRITION[kind],
      opensOn: null,
      holdFrom: null,
      ...extra,
    });
    return index;
  };

  const company = unit('Northbeam Software', null, 'company');
  const salesOps = unit('Sales Operations', company, 'team');
  const finance = unit('Finance', company, 'team');
  const cro = seat('exec', 'Chief Revenue Officer', company, null, 'USD', { stable: true });
  const opsLead = seat('ops', 'Director, Sales Operations', salesOps, cro, 'USD', { stable: true });
  const opsAnalyst = seat('ops', 'Sales Operations Analyst', salesOps, opsLead, 'USD', { stable: true });
  const financeSeat = seat('finance', 'Commission Analyst, Finance', finance, null, 'USD', { stable: true });

  const geoLeaderSeat = new Map<string, number>();
  for (const geo of DEMO_GEOS) {
    const geoUnit = unit(geo.name, company, 'geo');
    const geoLeader = profile.directors ? seat('vp', `VP Sales, ${geo.name}`, geoUnit, cro, geo.currency) : cro;
    geoLeaderSeat.set(geo.code, geoLeader);
    for (const region of regionsOf(geo, profile.regionsPerGeo)) {
      const regionUnit = unit(region.name, geoUnit, 'region');
      const split = profile.directors && region.large;
      const leader = split
        ? seat('director', `Regional Director, ${region.name}`, regionUnit, geoLeader, region.currency)
        : geoLeader;
      for (let s = 0; s < profile.sdrsPerRegion; s++) {
        seat('sdr', 'Sales Development Representative', regionUnit, leader, region.currency);
      }
      const shapes: { label: string; segments: Team['segments']; reps: number }[] = split
        ? [
            { label: 'Enterprise', segments: ['enterprise'], reps: profile.repsPerTeam.enterprise },
            { label: 'Commercial', segments: ['mid_market', 'smb'], reps: profile.repsPerTeam.commercial },
          ]
        : [{ label: '', segments: ['enterprise', 'commercial'], reps: profile.repsPerTeam.enterprise }];
      for (let copy = 1; copy <= profile.teamCopies; copy++) {
        for (const shape of shapes) {
          const name = [region.name, shape.label, copy > 1 ? String(copy) : ''].filter(Boolean).join(' ');
          const teamIndex = teams.length;
          const teamUnit = unit(name, regionUnit, 'team');
          const first = teams.length === 0;
          const managerSeat = seat('manager', `Sales Manager, ${name}`, teamUnit, leader, region.currency, {
            stable: first,
            team: teamIndex,
          });
          const title =
            shape.segments[0] === 'enterprise' && split ? 'Enterprise Account Executive' : 'Account Executive';
          const repSeats: number[] = [];
          // The login manager's team always has at least three reps.
          for (let r = 0; r < (first ? Math.max(3, shape.reps) : shape.reps); r++) {
            repSeats.push(
              seat('rep', title, teamUnit, managerSeat, region.currency, { stable: first && r === 0, team: teamIndex }),
            );
          }
          teams.push({
            index: teamIndex,
            orgUnitId: teamUnit,
            name,
            geo,
            region,
            segments: shape.segments,
            managerSeat,
            repSeats,
          });
        }
      }
    }
  }

  const specialists = unit('Solution Specialists', company, 'team');
  const specialistLead = profile.directors
    ? seat('manager', 'Head of Solution Specialists', specialists, cro, 'USD')
    : cro;
  const overlaySeats: number[] = [];
  for (let t = 0; t < profile.overlayTerritories; t++) {
    for (let o = 0; o < profile.overlaysPerTerritory; o++) {
      const family = OVERLAY_FAMILIES[t % OVERLAY_FAMILIES.length];
      const index = seat('overlay', `Solutions Specialist, ${family}`, specialists, specialistLead, 'USD');
      if (o === 0) overlaySeats.push(index);
    }
  }

  markGrowthAndOpenRequisitions(teams, seats, random, windowStart, today);
  const loginTeam = teams[0]!;
  const logins = [cro, opsLead, opsAnalyst, financeSeat, loginTeam.managerSeat, loginTeam.repSeats[0]!];
  const hiringOrder = [
    ...logins,
    ...seats.map((s) => s.index).filter((i) => !logins.includes(i) && !seats[i]!.opensOn),
  ];
  return { orgUnits, seats, teams, geoLeaderSeat, overlaySeats, hiringOrder };
}

/**
 * Some rep seats open during the history (the company grows); two territory seats lose their rep
 * shortly before today and stay open, so the data has to-be-hired placeholders.
 */
function markGrowthAndOpenRequisitions(
  teams: Team[],
  seats: Seat[],
  random: Random,
  windowStart: IsoDate,
  today: IsoDate,
) {
  for (const team of teams) {
    for (const index of team.repSeats.slice(team.segments.length)) {
      if (random.chance(0.15)) seats[index]!.opensOn = addDays(windowStart, random.int(60, 640));
    }
  }
  const candidates = teams.slice(1).map((t) => t.repSeats[0]!);
  for (let n = 0; n < 2 && candidates.length > 0; n++) {
    const [index] = candidates.splice(random.int(0, candidates.length - 1), 1);
    seats[index!]!.holdFrom = addDays(today, -random.int(20, 70));
  }
}
