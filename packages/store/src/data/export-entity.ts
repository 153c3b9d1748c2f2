// Reads one canonical entity (core/data/entity-columns.ts) for export, in its canonical columns and
// order, so import → export → import changes nothing. References come out as the referenced row's
// externalId; effective-dated values as of `asOf` (DESIGN §3); money and decimals as the stored
// decimal text; dates as YYYY-MM-DD.
//
// Plan: keyset pagination on a unique index — `where external_id > $last order by external_id
// limit $chunk` (fx rates on their primary key; splits by a chunk of opportunities; quotas, plan
// assignments and MBO scores on a computed natural key) — and per chunk only the joins and `lateral … limit 1` look-ups of that
// chunk's rows, so a 1,000,000-row table streams with one chunk in memory. All chunks are read in
// one repeatable-read transaction: the file is one consistent picture even while imports run.
import type { EntityName } from '@attain/core/data/entity-columns.ts';
import { type Kysely, type QueryResult, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export type ExportRow = Record<string, string | null>;

export interface ExportOptions {
  /** Effective-dated values (managers, territory owners, account territories, quotas) as of this date. */
  asOf: string;
  /** Rows per read; 10,000 by default. */
  chunkSize?: number;
}

const DEFAULT_CHUNK = 10_000;

/** Rows of an entity in canonical columns, sorted by externalId (or the natural key), one chunk per array. */
export async function* exportEntityChunks(
  db: Kysely<Database>,
  entity: EntityName,
  options: ExportOptions,
): AsyncGenerator<ExportRow[]> {
  const chunk = options.chunkSize ?? DEFAULT_CHUNK;
  const trx = await db.startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  let done = false;
  try {
    yield* readChunks(trx, entity, options.asOf, chunk);
    done = true;
  } finally {
    // Read only: commit and rollback are the same; an abandoned iteration still releases the connection.
    if (done) await trx.commit().execute();
    else await trx.rollback().execute();
  }
}

/** The same rows one at a time. */
export async function* exportEntity(
  db: Kysely<Database>,
  entity: EntityName,
  options: ExportOptions,
): AsyncGenerator<ExportRow> {
  for await (const rows of exportEntityChunks(db, entity, options)) yield* rows;
}

async function* readChunks(
  trx: Transaction<Database>,
  entity: EntityName,
  asOf: string,
  chunk: number,
): AsyncGenerator<ExportRow[]> {
  if (entity === 'opportunitySplits') {
    yield* splitChunks(trx, chunk);
    return;
  }
  if (entity === 'fxRates') {
    yield* fxRateChunks(trx, chunk);
    return;
  }
  if (entity === 'quotas') {
    yield* quotaChunks(trx, asOf, chunk);
    return;
  }
  if (entity === 'planAssignments') {
    yield* planAssignmentChunks(trx, chunk);
    return;
  }
  if (entity === 'mboScores') {
    yield* mboScoreChunks(trx, chunk);
    return;
  }
  const query = BY_EXTERNAL_ID[entity];
  let last: string | null = null;
  for (;;) {
    const after: RawBuilder<unknown> = last === null ? sql`true` : sql`x.external_id > ${last}`;
    const result: QueryResult<ExportRow> = await sql<ExportRow>`${query(asOf, after, chunk)}`.execute(trx);
    if (result.rows.length === 0) return;
    yield result.rows;
    if (result.rows.length < chunk) return;
    last = result.rows[result.rows.length - 1]!.externalId!;
  }
}

/** `x` is the entity's table; `after` is the keyset condition on x.external_id. */
type PageQuery = (asOf: string, after: RawBuilder<unknown>, limit: number) => RawBuilder<unknown>;

/** Valid on D under half-open dating: valid_from ≤ D < valid_to. */
const asOfSql = (alias: string, asOf: string) =>
  sql`${sql.ref(`${alias}.valid_from`)} <= ${asOf}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${asOf}::date)`;

type ByNaturalKey = 'opportunitySplits' | 'fxRates' | 'quotas' | 'planAssignments' | 'mboScores';

const BY_EXTERNAL_ID: Record<Exclude<EntityName, ByNaturalKey>, PageQuery> = {
  orgUnits: (_asOf, after, limit) => sql`
    select x.external_id as "externalId", x.name, parent.external_id as parent, x.type
    from (select * from org_units x where ${after} order by x.external_id limit ${limit}) x
    left join org_units parent on parent.id = x.parent_id
    order by x.external_id`,

  // The history row valid as of the date; for someone who has left, the last row they had; for
  // someone not yet started, their first — so every person exports with a role and a place.
  people: (asOf, after, limit) => sql`
    select x.external_id as "externalId", x.name, x.email, x.title, h.job_role as "jobRole",
      mgr.external_id as manager, ou.external_id as "orgUnit", x.hire_date::text as "hireDate",
      x.term_date::text as "termDate", x.currency
    from (select * from people x where ${after} order by x.external_id limit ${limit}) x
    left join lateral (
      select h.job_role, h.manager_id, h.org_unit_id from person_history h
      where h.person_id = x.id
      order by case when ${asOfSql('h', asOf)} then 0 when h.valid_from <= ${asOf}::date then 1 else 2 end,
        case when h.valid_from <= ${asOf}::date then h.valid_from end desc nulls last, h.valid_from
      limit 1) h on true
    left join people mgr on mgr.id = h.manager_id
    left join org_units ou on ou.id = h.org_unit_id
    order by x.external_id`,

  products: (_asOf, after, limit) => sql`
    select x.external_id as "externalId", x.name, x.family, x.list_price::text as "listPrice"
    from products x where ${after} order by x.external_id limit ${limit}`,

  accounts: (asOf, after, limit) => sql`
    select x.external_id as "externalId", x.name, parent.external_id as parent, x.industry, x.segment, x.country,
      x.region, x.city, x.employees::text as employees, x.annual_revenue::text as "annualRevenue",
      x.potential::text as potential, ter.external_id as territory
    from (select * from accounts x where ${after} order by x.external_id limit ${limit}) x
    left join accounts parent on parent.id = x.parent_id
    left join lateral (
      select t.external_id from territory_assignments ta join territories t on t.id = ta.territory_id
      where ta.account_id = x.id and t.type = 'account' and ${asOfSql('ta', asOf)}
      order by ta.valid_from desc, t.external_id limit 1) ter on true
    order by x.external_id`,

  // validFrom is when the owner in force took the territory (the importer reads it as the owner's
  // effective date, so the export re-imports unchanged). A to-be-hired owner exports as empty.
  territories: (asOf, after, limit) => sql`
    select x.external_id as "externalId", x.name, parent.external_id as parent, x.type,
      x.product_family as "productFamily", owner.external_id as owner, owner.valid_from::text as "validFrom"
    from (select * from territories x where ${after} order by x.external_id limit ${limit}) x
    left join territories parent on parent.id = x.parent_id
    left join lateral (
      select p.external_id, tow.valid_from from territory_owners tow left join people p on p.id = tow.person_id
      where tow.territory_id = x.id and ${asOfSql('tow', asOf)}
      order by tow.valid_from desc limit 1) owner on true
    order by x.external_id`,

  opportunities: (_asOf, after, limit) => sql`
    select x.external_id as "externalId", x.name, a.external_id as account, p.external_id as owner,
      prod.external_id as product, x.stage, x.status, x.probability::text as probability,
      x.forecast_category as "forecastCategory", x.amount::text as amount, x.currency,
      x.created_date::text as "createdDate", x.close_date::text as "closeDate", x.type, x.partner
    from (select * from opportunities x where ${after} order by x.external_id limit ${limit}) x
    left join accounts a on a.id = x.account_id
    left join people p on p.id = x.owner_id
    left join products prod on prod.id = x.product_id
    order by x.external_id`,

  transactions: (_asOf, after, limit) => sql`
    select x.external_id as "externalId", x.type, x.date::text as date, x.amount::text as amount, x.currency,
      a.external_id as account, o.external_id as opportunity, prod.external_id as product,
      p.external_id as owner, x.contract_months::text as "contractMonths", cancelled.external_id as cancels
    from (select * from transactions x where ${after} order by x.external_id limit ${limit}) x
    left join accounts a on a.id = x.account_id
    left join opportunities o on o.id = x.opportunity_id
    left join products prod on prod.id = x.product_id
    left join people p on p.id = x.owner_id
    left join transactions cancelled on cancelled.id = x.cancels_id
    order by x.external_id`,
};

// Splits have no externalId: page through opportunities that have splits, then their splits
// sorted by opportunity, person and type.
async function* splitChunks(trx: Transaction<Database>, chunk: number): AsyncGenerator<ExportRow[]> {
  let last: string | null = null;
  for (;;) {
    const after: RawBuilder<unknown> = last === null ? sql`true` : sql`o.external_id > ${last}`;
    const page: QueryResult<{ id: string; external_id: string }> = await sql<{ id: string; external_id: string }>`
      select o.id, o.external_id from opportunities o
      where ${after} and exists (select 1 from opportunity_splits s where s.opportunity_id = o.id)
      order by o.external_id limit ${chunk}`.execute(trx);
    if (page.rows.length === 0) return;
    const ids = page.rows.map((r) => r.id);
    const rows = await sql<ExportRow>`
      select o.external_id as opportunity, p.external_id as person, s.percent::text as percent, s.type
      from opportunity_splits s
      join opportunities o on o.id = s.opportunity_id
      join people p on p.id = s.person_id
      where s.opportunity_id = any(${ids}::bigint[])
      order by o.external_id, p.external_id, s.type`.execute(trx);
    yield rows.rows;
    if (page.rows.length < chunk) return;
    last = page.rows[page.rows.length - 1]!.external_id;
  }
}

// Every rate ever entered (a rate holds from its date until the next of the same pair), on the
// primary key (from, to, date).
async function* fxRateChunks(trx: Transaction<Database>, chunk: number): AsyncGenerator<ExportRow[]> {
  let last: { from: string; to: string; date: string } | null = null;
  for (;;) {
    const after: RawBuilder<unknown> =
      last === null
        ? sql`true`
        : sql`(r.from_currency, r.to_currency, r.date) > (${last.from}::char(3), ${last.to}::char(3), ${last.date}::date)`;
    const result: QueryResult<FxPageRow> = await sql<FxPageRow>`
      select r.date::text as date, r.from_currency as "from", r.to_currency as "to", r.rate::text as rate
      from fx_rates r where ${after}
      order by r.from_currency, r.to_currency, r.date limit ${chunk}`.execute(trx);
    if (result.rows.length === 0) return;
    yield result.rows;
    if (result.rows.length < chunk) return;
    const end: FxPageRow = result.rows[result.rows.length - 1]!;
    last = { from: end.from, to: end.to, date: end.date };
  }
}

interface FxPageRow extends ExportRow {
  date: string;
  from: string;
  to: string;
}

interface QuotaPageRow {
  person: string | null;
  territory: string | null;
  measure: string;
  period: string;
  amount: string;
  currency: string;
  period_start: string;
  id: string;
  holder: string;
}

// The quota version in force as of the date, sorted by its holder (person, then territory),
// measure, period start and period; keyset on that computed key plus the row id.
async function* quotaChunks(trx: Transaction<Database>, asOf: string, chunk: number): AsyncGenerator<ExportRow[]> {
  let last: { holder: string; measure: string; start: string; period: string; id: string } | null = null;
  for (;;) {
    const after: RawBuilder<unknown> =
      last === null
        ? sql`true`
        : sql`(k.holder, k.measure, k.period_start, k.period, k.id) >
              (${last.holder}, ${last.measure}, ${last.start}::date, ${last.period}, ${last.id}::bigint)`;
    const result: QueryResult<QuotaPageRow> = await sql<QuotaPageRow>`
      select * from (
        select p.external_id as person, t.external_id as territory, q.measure, q.period, q.amount::text as amount,
          q.currency, q.period_start, q.id,
          case when p.id is not null then '0' || p.external_id else '1' || t.external_id end as holder
        from quotas q
        left join people p on p.id = q.person_id
        left join territories t on t.id = q.territory_id
        where ${asOfSql('q', asOf)}) k
      where ${after}
      order by k.holder, k.measure, k.period_start, k.period, k.id limit ${chunk}`.execute(trx);
    if (result.rows.length === 0) return;
    yield result.rows.map((r) => ({
      person: r.person,
      territory: r.territory,
      measure: r.measure,
      period: r.period,
      amount: r.amount,
      currency: r.currency,
    }));
    if (result.rows.length < chunk) return;
    const end: QuotaPageRow = result.rows[result.rows.length - 1]!;
    last = { holder: end.holder, measure: end.measure, start: end.period_start, period: end.period, id: end.id };
  }
}

// Every plan assignment, past ones too (each is its own effective-dated row, keyed by person and
// validFrom, so the file re-imports unchanged), by person externalId and validFrom.
async function* planAssignmentChunks(trx: Transaction<Database>, chunk: number): AsyncGenerator<ExportRow[]> {
  let last: { person: string; validFrom: string } | null = null;
  for (;;) {
    const after: RawBuilder<unknown> =
      last === null ? sql`true` : sql`(p.external_id, a.valid_from) > (${last.person}, ${last.validFrom}::date)`;
    const result: QueryResult<ExportRow & { person: string; validFrom: string }> = await sql<
      ExportRow & { person: string; validFrom: string }
    >`
      select p.external_id as person, a.plan_id as plan, a.valid_from::text as "validFrom", a.valid_to::text as "validTo",
        a.target_incentive::text as "targetIncentive", a.currency
      from plan_assignments a join people p on p.id = a.person_id
      where ${after}
      order by p.external_id, a.valid_from limit ${chunk}`.execute(trx);
    if (result.rows.length === 0) return;
    yield result.rows;
    if (result.rows.length < chunk) return;
    const end = result.rows[result.rows.length - 1]!;
    last = { person: end.person, validFrom: end.validFrom };
  }
}

// Every MBO score, by person externalId, component and period.
async function* mboScoreChunks(trx: Transaction<Database>, chunk: number): AsyncGenerator<ExportRow[]> {
  let last: { person: string; component: string; period: string } | null = null;
  for (;;) {
    const after: RawBuilder<unknown> =
      last === null
        ? sql`true`
        : sql`(p.external_id, m.component, m.period) > (${last.person}, ${last.component}, ${last.period})`;
    const result: QueryResult<ExportRow & { person: string; component: string; period: string }> = await sql<
      ExportRow & { person: string; component: string; period: string }
    >`
      select p.external_id as person, m.component, m.period, m.score::text as score
      from mbo_scores m join people p on p.id = m.person_id
      where ${after}
      order by p.external_id, m.component, m.period limit ${chunk}`.execute(trx);
    if (result.rows.length === 0) return;
    yield result.rows;
    if (result.rows.length < chunk) return;
    const end = result.rows[result.rows.length - 1]!;
    last = { person: end.person, component: end.component, period: end.period };
  }
}
