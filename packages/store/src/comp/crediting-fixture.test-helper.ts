// A hand-built company for the crediting tests (DESIGN §5.2). People and managers (person_history):
//   VERA (exec) ── MIA ── RAJ, LEE (LEE moves to OMAR on 2026-03-15)
//              └─ OMAR ── ZOE                 SAM (Security overlay) reports to VERA
//   ANA ⇄ BEN manage each other (a bad import: the roll-up must still end)
// Territories: T-DACH (account) owned by RAJ, by ZOE from 2026-03-15; T-UKI (account) held by
// "TBH UKI"; T-SEC (overlay, Security) owned by SAM; T-DATA (overlay, Data) held by "TBH Data".
// Accounts: A-1 in T-DACH, T-SEC and T-DATA; A-2 in T-UKI. Products: SEC (Security), PLAT
// (Platform), DATA (Data). Opportunities (all on A-1): O-1 owner LEE; O-2 owner LEE with revenue
// splits RAJ 60 / LEE 40; O-3 owner RAJ with splits RAJ 60 / LEE 30 (sums to 90); O-4 no owner.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Seeds the company; transactions get ids 1… in the order listed (TX-FEB = 1, TX-OWNER = 2, …). */
export async function seedCrediting(db: Kysely<Database>): Promise<void> {
  const people = ['VERA', 'MIA', 'RAJ', 'LEE', 'OMAR', 'ZOE', 'SAM', 'ANA', 'BEN'];
  await db
    .insertInto('people')
    .values(people.map((name, i) => ({ id: i + 1, external_id: name, name })))
    .execute();
  const id = (name: string) => String(people.indexOf(name) + 1);
  const history = (person: string, manager: string | null, from = '2024-01-01', to: string | null = null) => ({
    person_id: id(person),
    manager_id: manager && id(manager),
    valid_from: from,
    valid_to: to,
    job_role: 'rep',
  });
  await db
    .insertInto('person_history')
    .values([
      history('VERA', null),
      history('MIA', 'VERA'),
      history('RAJ', 'MIA'),
      history('LEE', 'MIA', '2024-01-01', '2026-03-15'),
      history('LEE', 'OMAR', '2026-03-15'),
      history('OMAR', 'VERA'),
      history('ZOE', 'OMAR'),
      history('SAM', 'VERA'),
      history('ANA', 'BEN'),
      history('BEN', 'ANA'),
    ])
    .execute();
  await db
    .insertInto('territories')
    .values([
      { id: 1, external_id: 'T-DACH', name: 'DACH', type: 'account' },
      { id: 2, external_id: 'T-UKI', name: 'UK & Ireland', type: 'account' },
      { id: 3, external_id: 'T-SEC', name: 'Security Overlay', type: 'overlay', product_family: 'Security' },
      { id: 4, external_id: 'T-DATA', name: 'Data Overlay', type: 'overlay', product_family: 'Data' },
    ])
    .execute();
  await db
    .insertInto('territory_owners')
    .values([
      { territory_id: '1', person_id: id('RAJ'), valid_from: '2024-01-01', valid_to: '2026-03-15' },
      { territory_id: '1', person_id: id('ZOE'), valid_from: '2026-03-15' },
      { territory_id: '2', person_id: null, tbh_label: 'TBH UKI', valid_from: '2024-01-01' },
      { territory_id: '3', person_id: id('SAM'), valid_from: '2024-01-01' },
      { territory_id: '4', person_id: null, tbh_label: 'TBH Data', valid_from: '2024-01-01' },
    ])
    .execute();
  await db
    .insertInto('accounts')
    .values([
      { id: 1, external_id: 'A-1', name: 'Acme GmbH' },
      { id: 2, external_id: 'A-2', name: 'Crown Ltd' },
    ])
    .execute();
  await db
    .insertInto('territory_assignments')
    .values(
      [
        ['1', '1'],
        ['1', '3'],
        ['1', '4'],
        ['2', '2'],
      ].map(([account, territory]) => ({ account_id: account!, territory_id: territory!, valid_from: '2024-01-01' })),
    )
    .execute();
  await db
    .insertInto('products')
    .values([
      { id: 1, external_id: 'SEC', name: 'Shield', family: 'Security' },
      { id: 2, external_id: 'PLAT', name: 'Core', family: 'Platform' },
      { id: 3, external_id: 'DATA', name: 'Lake', family: 'Data' },
    ])
    .execute();
  await db
    .insertInto('opportunities')
    .values([
      { id: 1, external_id: 'O-1', account_id: '1', owner_id: id('LEE'), product_id: '1' },
      { id: 2, external_id: 'O-2', account_id: '1', owner_id: id('LEE'), product_id: '2' },
      { id: 3, external_id: 'O-3', account_id: '1', owner_id: id('RAJ'), product_id: '2' },
      { id: 4, external_id: 'O-4', account_id: '1', owner_id: null, product_id: '2' },
    ])
    .execute();
  await db
    .insertInto('opportunity_splits')
    .values([
      { opportunity_id: '2', person_id: id('RAJ'), percent: '60' },
      { opportunity_id: '2', person_id: id('LEE'), percent: '40' },
      { opportunity_id: '3', person_id: id('RAJ'), percent: '60' },
      { opportunity_id: '3', person_id: id('LEE'), percent: '30' },
    ])
    .execute();
  const transactions: [string, string, string, string, Record<string, string>][] = [
    ['TX-FEB', 'booking', '2026-02-20', '300.00', { owner_id: id('RAJ') }],
    [
      'TX-OWNER',
      'booking',
      '2026-03-10',
      '1000.00',
      { owner_id: id('ZOE'), opportunity_id: '1', account_id: '1', product_id: '2' },
    ],
    ['TX-OPP', 'revenue', '2026-03-10', '500.00', { opportunity_id: '1', account_id: '1', product_id: '1' }],
    ['TX-OPP-LATE', 'revenue', '2026-03-20', '500.00', { opportunity_id: '1', account_id: '1', product_id: '1' }],
    ['TX-SPLIT', 'booking', '2026-03-10', '1000.00', { opportunity_id: '2', account_id: '1', product_id: '2' }],
    ['TX-SPLIT90', 'booking', '2026-03-11', '700.00', { opportunity_id: '3', account_id: '1' }],
    ['TX-TERR-OPP', 'revenue', '2026-03-12', '200.00', { opportunity_id: '4', account_id: '1', product_id: '2' }],
    ['TX-TERR-14', 'usage', '2026-03-14', '100.00', { account_id: '1', product_id: '3' }],
    ['TX-TERR-15', 'usage', '2026-03-15', '100.00', { account_id: '1', product_id: '3' }],
    ['TX-TBH', 'usage', '2026-03-12', '50.00', { account_id: '2' }],
    ['TX-NOBODY', 'usage', '2026-03-12', '10.00', {}],
    ['TX-CYCLE', 'booking', '2026-03-12', '80.00', { owner_id: id('ANA') }],
    ['TX-CANCEL', 'cancellation', '2026-03-25', '-1000.00', { cancels_id: '5' }],
    ['TX-CANCEL-FEB', 'cancellation', '2026-03-02', '-300.00', { cancels_id: '1' }],
    ['TX-CANCEL-90', 'cancellation', '2026-03-26', '-700.00', { cancels_id: '6' }],
    ['TX-CANCEL-NONE', 'cancellation', '2026-03-27', '-5.00', {}],
    ['TX-APRIL', 'booking', '2026-04-01', '900.00', { owner_id: id('RAJ') }],
  ];
  await db
    .insertInto('transactions')
    .values(
      transactions.map(([externalId, type, date, amount, refs], i) => ({
        id: i + 1,
        external_id: externalId,
        type,
        date,
        amount,
        ...refs,
      })),
    )
    .execute();
}
