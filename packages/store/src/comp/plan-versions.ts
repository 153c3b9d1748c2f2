// Plan versions (DESIGN §6: plans are versioned and effective-dated). A plan's YAML is validated by
// core's plan language and kept whole: `source` is the text as loaded, `document` the parsed value
// (numbers as their source text), which re-validates to the same Plan on every read. A fix is a new
// version, never an edit; the version in force on a date is the highest one whose valid_from is on
// or before it, so a correction may also reach back in time.
import { type Plan, validatePlan } from '@attain/core/comp/plan-schema.ts';
import { readYaml } from '@attain/core/comp/yaml-errors.ts';
import { assertIsoDate } from '@attain/core/dates/iso-date.ts';
import { AttainError } from '@attain/core/errors.ts';
import { type Kysely, sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/write-audit.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The valid_from of a version loaded without one: in force since the beginning of time. */
export const ALWAYS = '1900-01-01';

export interface StoredPlan {
  planId: string;
  version: number;
  name: string;
  currency: string;
  validFrom: string;
  plan: Plan;
  /** The YAML (or JSON) text as loaded. */
  source: string;
  createdAt: string;
  createdBy: string;
}

export interface SavedPlan extends StoredPlan {
  /** False when the text was the latest version's already (nothing was written). */
  created: boolean;
}

export type PlanSummary = Omit<StoredPlan, 'plan' | 'source'> & { versions: number };

export interface PlanVersionInput {
  /** Where the text came from (a file path), named in PLAN_INVALID messages. */
  source: string;
  text: string;
  validFrom?: string;
  actor: string;
}

/**
 * Validates a plan text and stores it as the plan's next version (max + 1), audited. The same text
 * as the latest version (and no other valid-from) changes nothing and returns that version.
 */
export async function savePlanVersion(db: Kysely<Database>, input: PlanVersionInput): Promise<SavedPlan> {
  return db.transaction().execute((trx) => insertPlanVersion(trx, input));
}

/** savePlanVersion inside a transaction the caller holds (the demo loader's). */
export async function insertPlanVersion(trx: Transaction<Database>, input: PlanVersionInput): Promise<SavedPlan> {
  const yaml = readYaml(input.text, input.source, 'PLAN_INVALID');
  const plan = validatePlan(yaml.value, input.source, yaml.lineOf);
  const validFrom = input.validFrom === undefined ? undefined : assertIsoDate(input.validFrom, 'valid-from');
  // versions of one plan are numbered one at a time, even when two loads race
  await sql`select pg_advisory_xact_lock(hashtext(${`plan:${plan.id}`}))`.execute(trx);
  const latest = (await planVersionsOf(trx, plan.id)).at(-1);
  if (latest && latest.source === input.text && (validFrom === undefined || validFrom === latest.validFrom)) {
    return { ...latest, created: false };
  }
  const row = {
    plan_id: plan.id,
    version: (latest?.version ?? 0) + 1,
    name: plan.name ?? plan.id,
    currency: plan.currency,
    document: JSON.stringify(yaml.value),
    source: input.text,
    valid_from: validFrom ?? ALWAYS,
    created_by: input.actor,
  };
  const inserted = await trx.insertInto('plans').values(row).returningAll().executeTakeFirstOrThrow();
  await writeAudit(trx, {
    actor: input.actor,
    action: 'create',
    entity: 'plans',
    entityId: `${row.plan_id} v${row.version}`,
    before: latest ? summaryOf(latest) : undefined,
    after: {
      planId: row.plan_id,
      version: row.version,
      name: row.name,
      currency: row.currency,
      validFrom: row.valid_from,
    },
  });
  return { ...storedPlanOf(inserted), created: true };
}

/** Every plan id with its latest version and how many versions it has, by plan id. */
export async function listPlans(db: Db): Promise<PlanSummary[]> {
  const rows = await db
    .selectFrom('plans as p')
    .select(['p.plan_id', 'p.version', 'p.name', 'p.currency', 'p.valid_from', 'p.created_at', 'p.created_by'])
    .select(sql<number>`(count(*) over (partition by p.plan_id))::integer`.as('versions'))
    .select(sql<number>`(row_number() over (partition by p.plan_id order by p.version desc))::integer`.as('rank'))
    .orderBy('p.plan_id')
    .execute();
  return rows
    .filter((r) => r.rank === 1)
    .map((r) => ({
      planId: r.plan_id,
      version: r.version,
      name: r.name,
      currency: r.currency,
      validFrom: r.valid_from,
      createdAt: r.created_at,
      createdBy: r.created_by,
      versions: r.versions,
    }));
}

/** All versions of one plan, oldest first; [] when there is no such plan. */
export async function planVersionsOf(db: Db, planId: string): Promise<StoredPlan[]> {
  return (await planVersionsInForce(db, [planId])).get(planId) ?? [];
}

/** The version of a plan in force on a date: the highest version whose valid_from is on or before it. */
export async function planInForce(db: Db, planId: string, date: string): Promise<StoredPlan | undefined> {
  return versionInForce(await planVersionsOf(db, planId), assertIsoDate(date, 'date'));
}

/**
 * Every version of many plans in one query, by plan id (versions oldest first); plan ids with no
 * versions are absent. A comp run loads its plans once with this and picks per date with
 * versionInForce.
 */
export async function planVersionsInForce(db: Db, planIds: readonly string[]): Promise<Map<string, StoredPlan[]>> {
  const byPlan = new Map<string, StoredPlan[]>();
  if (planIds.length === 0) return byPlan;
  const rows = await db
    .selectFrom('plans')
    .selectAll()
    .where('plan_id', '=', sql<string>`any(${[...new Set(planIds)]}::text[])`)
    .orderBy('plan_id')
    .orderBy('version')
    .execute();
  for (const row of rows) {
    const list = byPlan.get(row.plan_id) ?? [];
    list.push(storedPlanOf(row));
    byPlan.set(row.plan_id, list);
  }
  return byPlan;
}

/** Of a plan's versions, the one in force on a date (highest version with valid_from ≤ date). */
export function versionInForce(versions: readonly StoredPlan[], date: string): StoredPlan | undefined {
  let found: StoredPlan | undefined;
  for (const v of versions) if (v.validFrom <= date && (!found || v.version > found.version)) found = v;
  return found;
}

/** One plan version, or PLAN_NOT_FOUND. */
export async function findPlanVersion(db: Db, planId: string, version?: number): Promise<StoredPlan> {
  const versions = await planVersionsOf(db, planId);
  const found = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
  if (!found) {
    const what = version === undefined ? `plan "${planId}"` : `version ${version} of plan "${planId}"`;
    throw new AttainError('PLAN_NOT_FOUND', `There is no ${what}; load it with attain comp plan load`, {
      planId,
      ...(version === undefined ? {} : { version }),
    });
  }
  return found;
}

type PlanRow = {
  plan_id: string;
  version: number;
  name: string;
  currency: string;
  document: unknown;
  source: string;
  valid_from: string;
  created_at: string;
  created_by: string;
};

function storedPlanOf(row: PlanRow): StoredPlan {
  const document = typeof row.document === 'string' ? JSON.parse(row.document) : row.document;
  return {
    planId: row.plan_id,
    version: row.version,
    name: row.name,
    currency: row.currency.trim(),
    validFrom: row.valid_from,
    plan: validatePlan(document, `plan ${row.plan_id} version ${row.version}`),
    source: row.source,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

function summaryOf(plan: StoredPlan) {
  return {
    planId: plan.planId,
    version: plan.version,
    name: plan.name,
    currency: plan.currency,
    validFrom: plan.validFrom,
  };
}
