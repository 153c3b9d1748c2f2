// The three demo sizes. Medium is the reference company (DESIGN: ~250 people, ~20k accounts, ~60k
// opportunities, ~500k transactions); small is about a tenth, for tests; large about ten times, for
// benchmarks, and is generated in chunks so memory stays bounded.
import { AttainError } from '../errors.ts';

export const DEMO_SIZES = ['small', 'medium', 'large'] as const;
export type DemoSize = (typeof DEMO_SIZES)[number];

export interface DemoSizeProfile {
  readonly size: DemoSize;
  /** Regions per geo: 1 takes only the first region of each geo. */
  readonly regionsPerGeo: number;
  /** How many copies of each team (and its territories) a region has. */
  readonly teamCopies: number;
  /** Whether regions with two teams get a director, and geos a VP. */
  readonly directors: boolean;
  readonly repsPerTeam: { readonly enterprise: number; readonly commercial: number };
  readonly sdrsPerRegion: number;
  readonly overlayTerritories: number;
  readonly overlaysPerTerritory: number;
  readonly accounts: number;
  /** Expected opportunities per account over the whole history, by segment. */
  readonly opportunitiesPerAccount: { readonly smb: number; readonly mid_market: number; readonly enterprise: number };
  /** Accounts per generated chunk of deals. */
  readonly accountsPerChunk: number;
}

const PROFILES: Record<DemoSize, DemoSizeProfile> = {
  small: {
    size: 'small',
    regionsPerGeo: 1,
    teamCopies: 1,
    directors: false,
    repsPerTeam: { enterprise: 2, commercial: 2 },
    sdrsPerRegion: 0,
    overlayTerritories: 2,
    overlaysPerTerritory: 1,
    accounts: 2_000,
    opportunitiesPerAccount: { smb: 1.6, mid_market: 3.5, enterprise: 7 },
    accountsPerChunk: 500,
  },
  medium: {
    size: 'medium',
    regionsPerGeo: 99,
    teamCopies: 1,
    directors: true,
    repsPerTeam: { enterprise: 5, commercial: 7 },
    sdrsPerRegion: 2,
    overlayTerritories: 3,
    overlaysPerTerritory: 2,
    accounts: 20_000,
    opportunitiesPerAccount: { smb: 1.6, mid_market: 3.5, enterprise: 7 },
    accountsPerChunk: 1_000,
  },
  large: {
    size: 'large',
    regionsPerGeo: 99,
    teamCopies: 10,
    directors: true,
    repsPerTeam: { enterprise: 5, commercial: 7 },
    sdrsPerRegion: 10,
    overlayTerritories: 4,
    overlaysPerTerritory: 12,
    accounts: 200_000,
    opportunitiesPerAccount: { smb: 1.6, mid_market: 3.5, enterprise: 7 },
    accountsPerChunk: 2_000,
  },
};

export function isDemoSize(value: string): value is DemoSize {
  return (DEMO_SIZES as readonly string[]).includes(value);
}

export function demoSizeProfile(size: string): DemoSizeProfile {
  if (!isDemoSize(size)) {
    throw new AttainError('DEMO_SIZE_INVALID', `Demo size "${size}" is not one of ${DEMO_SIZES.join(', ')}`, {
      value: size,
    });
  }
  return PROFILES[size];
}
