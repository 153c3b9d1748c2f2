// The territory tree with owners and figures, a territory's accounts, and the account list with
// each account's current territory (DESIGN §5.1, §9). Ops, admin, finance and managers see every
// territory; a rep sees the territories they own on the date, and only those territories' accounts.
import { AttainError } from '@attain/core/errors.ts';
import { territoryTree } from '@attain/store/territory/hierarchy.ts';
import { listAccounts } from '@attain/store/territory/list-accounts.ts';
import { territoryFigures } from '@attain/store/territory/territory-figures.ts';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { viewerOf } from '../../auth/session-middleware.ts';
import { errorResponses, IsoDate, Money, Paging } from '../schemas.ts';

const Territory = z
  .object({
    externalId: z.string(),
    name: z.string(),
    parent: z.string().nullable(),
    type: z.string(),
    productFamily: z.string().nullable(),
    depth: z.number().int(),
    owner: z.object({ externalId: z.string().nullable(), name: z.string(), tbh: z.boolean() }).nullable(),
    accounts: z.number().int(),
    openPipeline: Money,
    trailingBookings: Money,
    potential: Money,
  })
  .openapi('Territory');

const Account = z
  .object({
    externalId: z.string(),
    name: z.string(),
    industry: z.string().nullable(),
    segment: z.string().nullable(),
    country: z.string().nullable(),
    region: z.string().nullable(),
    potential: Money.nullable(),
    territory: z.string().nullable(),
    territoryName: z.string().nullable(),
    since: IsoDate.nullable(),
  })
  .openapi('TerritoryAccount');
const AccountPage = z.object({ asOf: IsoDate, rows: z.array(Account), total: z.number().int() });

const AsOf = z.object({ asOf: IsoDate.optional() });

const treeRoute = createRoute({
  method: 'get',
  path: '/api/territories',
  summary: 'The territory tree as of a date: owners, account counts, open pipeline, trailing-12-month bookings',
  request: { query: AsOf },
  responses: {
    200: {
      description: 'the tree, depth-first',
      content: { 'application/json': { schema: z.object({ asOf: IsoDate, territories: z.array(Territory) }) } },
    },
    ...errorResponses,
  },
});

const territoryAccountsRoute = createRoute({
  method: 'get',
  path: '/api/territories/{id}/accounts',
  summary: "A territory's accounts as of a date",
  request: { params: z.object({ id: z.string() }), query: Paging.extend(AsOf.shape) },
  responses: {
    200: { description: 'accounts', content: { 'application/json': { schema: AccountPage } } },
    ...errorResponses,
  },
});

const accountsRoute = createRoute({
  method: 'get',
  path: '/api/accounts',
  summary: 'Accounts with their territory as of a date, filtered by territory and a search text',
  request: { query: Paging.extend({ ...AsOf.shape, territory: z.string().optional(), q: z.string().optional() }) },
  responses: {
    200: { description: 'accounts', content: { 'application/json': { schema: AccountPage } } },
    ...errorResponses,
  },
});

/** A rep's own territories on the date (internal ids); undefined for roles that see them all. */
async function ownTerritories(c: Context<AppEnv>, asOf: string): Promise<Set<string> | undefined> {
  const viewer = viewerOf(c);
  if (viewer.role !== 'rep') return undefined;
  const rows = await c.var.store.db
    .selectFrom('territory_owners')
    .select('territory_id')
    .where('person_id', '=', viewer.personId ?? '-1')
    .where('valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    .execute();
  return new Set(rows.map((r) => r.territory_id));
}

export function registerTerritories(app: OpenAPIHono<AppEnv>): void {
  app.openapi(treeRoute, async (c) => {
    const asOf = c.req.valid('query').asOf ?? c.var.today;
    const own = await ownTerritories(c, asOf);
    const [tree, figures] = await Promise.all([
      territoryTree(c.var.store.db, asOf),
      territoryFigures(c.var.store.db, asOf),
    ]);
    const territories = tree
      .filter((t) => own === undefined || own.has(t.id))
      .map(({ id, ...t }) => ({
        ...t,
        ...(figures.get(id) ?? { openPipeline: '0.00', trailingBookings: '0.00', potential: '0.00' }),
      }));
    return c.json({ asOf, territories }, 200);
  });

  app.openapi(territoryAccountsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { asOf = c.var.today, limit, offset } = c.req.valid('query');
    const territory = await c.var.store.db
      .selectFrom('territories')
      .select('id')
      .where('external_id', '=', id)
      .executeTakeFirst();
    const own = await ownTerritories(c, asOf);
    if (!territory || (own && !own.has(territory.id))) {
      throw new AttainError('NOT_FOUND', `No territory ${id} you may see`, { territory: id });
    }
    const page = await listAccounts(c.var.store.db, { asOf, territory: id, limit, offset });
    return c.json({ asOf, ...page }, 200);
  });

  app.openapi(accountsRoute, async (c) => {
    const { asOf = c.var.today, territory, q, limit, offset } = c.req.valid('query');
    const own = await ownTerritories(c, asOf);
    const page = await listAccounts(c.var.store.db, {
      asOf,
      territory,
      q,
      limit,
      offset,
      onlyTerritories: own && [...own],
    });
    return c.json({ asOf, ...page }, 200);
  });
}
