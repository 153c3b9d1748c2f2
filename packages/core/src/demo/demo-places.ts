// Where the demo company sells: four geos, their regions, the countries in each region with their
// cities, and the currency a country's accounts buy in. Six currencies in all (DESIGN §3).
export const DEMO_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'AUD', 'BRL'] as const;

export interface DemoCountry {
  readonly code: string;
  readonly currency: string;
  readonly cities: readonly string[];
  /** Relative share of the region's accounts. */
  readonly weight: number;
}

export interface DemoRegion {
  readonly name: string;
  /** Large regions run an enterprise team and a commercial team, under a director. */
  readonly large: boolean;
  /** The currency its people are paid and given quota in. */
  readonly currency: string;
  readonly weight: number;
  readonly countries: readonly DemoCountry[];
}

export interface DemoGeo {
  readonly code: string;
  readonly name: string;
  readonly currency: string;
  readonly weight: number;
  readonly regions: readonly DemoRegion[];
}

const country = (code: string, currency: string, weight: number, cities: string[]): DemoCountry => ({
  code,
  currency,
  weight,
  cities,
});

export const DEMO_GEOS: readonly DemoGeo[] = [
  {
    code: 'NA',
    name: 'North America',
    currency: 'USD',
    weight: 45,
    regions: [
      {
        name: 'US East',
        large: true,
        currency: 'USD',
        weight: 32,
        countries: [country('US', 'USD', 1, ['New York', 'Boston', 'Atlanta', 'Miami', 'Philadelphia', 'Washington'])],
      },
      {
        name: 'US West',
        large: true,
        currency: 'USD',
        weight: 32,
        countries: [country('US', 'USD', 1, ['San Francisco', 'Seattle', 'Los Angeles', 'San Diego', 'Denver'])],
      },
      {
        name: 'US Central',
        large: true,
        currency: 'USD',
        weight: 24,
        countries: [country('US', 'USD', 1, ['Chicago', 'Dallas', 'Austin', 'Minneapolis', 'Houston'])],
      },
      {
        name: 'Canada',
        large: false,
        currency: 'USD',
        weight: 12,
        countries: [country('CA', 'USD', 1, ['Toronto', 'Vancouver', 'Montreal', 'Calgary'])],
      },
    ],
  },
  {
    code: 'EMEA',
    name: 'EMEA',
    currency: 'EUR',
    weight: 30,
    regions: [
      {
        name: 'UK & Ireland',
        large: true,
        currency: 'GBP',
        weight: 32,
        countries: [
          country('GB', 'GBP', 5, ['London', 'Manchester', 'Edinburgh', 'Birmingham']),
          country('IE', 'EUR', 1, ['Dublin', 'Cork']),
        ],
      },
      {
        name: 'DACH',
        large: true,
        currency: 'EUR',
        weight: 30,
        countries: [
          country('DE', 'EUR', 6, ['Berlin', 'Munich', 'Hamburg', 'Frankfurt']),
          country('AT', 'EUR', 1, ['Vienna']),
          country('CH', 'EUR', 1.5, ['Zurich', 'Geneva']),
        ],
      },
      {
        name: 'France & Benelux',
        large: false,
        currency: 'EUR',
        weight: 22,
        countries: [
          country('FR', 'EUR', 4, ['Paris', 'Lyon', 'Toulouse']),
          country('NL', 'EUR', 2, ['Amsterdam', 'Rotterdam']),
          country('BE', 'EUR', 1, ['Brussels', 'Antwerp']),
        ],
      },
      {
        name: 'Southern Europe & Nordics',
        large: false,
        currency: 'EUR',
        weight: 16,
        countries: [
          country('ES', 'EUR', 2, ['Madrid', 'Barcelona']),
          country('IT', 'EUR', 2, ['Milan', 'Rome']),
          country('SE', 'EUR', 1, ['Stockholm']),
          country('DK', 'EUR', 1, ['Copenhagen']),
        ],
      },
    ],
  },
  {
    code: 'APJ',
    name: 'Asia Pacific & Japan',
    currency: 'USD',
    weight: 15,
    regions: [
      {
        name: 'ANZ',
        large: false,
        currency: 'AUD',
        weight: 40,
        countries: [
          country('AU', 'AUD', 5, ['Sydney', 'Melbourne', 'Brisbane', 'Perth']),
          country('NZ', 'AUD', 1, ['Auckland', 'Wellington']),
        ],
      },
      {
        name: 'Japan',
        large: false,
        currency: 'JPY',
        weight: 35,
        countries: [country('JP', 'JPY', 1, ['Tokyo', 'Osaka', 'Nagoya', 'Fukuoka'])],
      },
      {
        name: 'Southeast Asia & India',
        large: false,
        currency: 'USD',
        weight: 25,
        countries: [
          country('SG', 'USD', 2, ['Singapore']),
          country('IN', 'USD', 3, ['Bengaluru', 'Mumbai', 'Pune']),
          country('KR', 'USD', 1, ['Seoul']),
        ],
      },
    ],
  },
  {
    code: 'LATAM',
    name: 'Latin America',
    currency: 'USD',
    weight: 10,
    regions: [
      {
        name: 'Brazil',
        large: false,
        currency: 'BRL',
        weight: 55,
        countries: [country('BR', 'BRL', 1, ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Curitiba'])],
      },
      {
        name: 'Spanish LATAM',
        large: false,
        currency: 'USD',
        weight: 45,
        countries: [
          country('MX', 'USD', 3, ['Mexico City', 'Monterrey', 'Guadalajara']),
          country('AR', 'USD', 1, ['Buenos Aires']),
          country('CL', 'USD', 1, ['Santiago']),
          country('CO', 'USD', 1, ['Bogotá', 'Medellín']),
        ],
      },
    ],
  },
];

/**
 * The regions a size uses: the first `regionsPerGeo` of each geo. When a size uses fewer regions
 * than the geo has, one region ("NA Region") covers all of the geo's countries, so every currency
 * still appears.
 */
export function regionsOf(geo: DemoGeo, regionsPerGeo: number): readonly DemoRegion[] {
  if (regionsPerGeo >= geo.regions.length) return geo.regions;
  const kept = geo.regions.slice(0, Math.max(0, regionsPerGeo - 1));
  const merged = geo.regions.slice(kept.length);
  return [
    ...kept,
    {
      name: `${geo.code} Region`,
      large: false,
      currency: geo.currency,
      weight: merged.reduce((sum, r) => sum + r.weight, 0),
      countries: merged.flatMap((r) =>
        r.countries.map((c) => ({ ...c, weight: (c.weight * r.weight) / countryWeight(r) })),
      ),
    },
  ];
}

function countryWeight(region: DemoRegion): number {
  return region.countries.reduce((sum, c) => sum + c.weight, 0);
}
