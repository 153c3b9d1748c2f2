// The Data page's API on a real database: upload, preview (a full dry run), import, rejected rows,
// saved mappings, the record page — and that only operations may load data.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { loginAs } from '../../testing/login-as.ts';
import { seedSmallCompany, TODAY } from '../../testing/small-company.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../../io/src/import/fixtures');

let store: Store;
let app: ReturnType<typeof createApp>;
const sessions: Record<string, { cookie: string; csrf: string }> = {};

beforeAll(async () => {
  store = await openTestStore();
  await seedSmallCompany(store);
  app = createApp({ store, today: () => TODAY });
  Object.assign(sessions, await loginAs(app, ['ops', 'rep'] as const));
});
afterAll(async () => {
  await store.close();
});

async function call(role: 'ops' | 'rep', method: string, path: string, body?: unknown) {
  const s = sessions[role]!;
  const headers: Record<string, string> = { cookie: s.cookie, 'x-csrf-token': s.csrf };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await app.request(path, { method, headers, body: payload });
  const text = await res.text();
  return { status: res.status, text, body: text.startsWith('{') ? JSON.parse(text) : undefined };
}

function form(name: string, content: string | Uint8Array) {
  const data = new FormData();
  data.append(
    'file',
    new File([typeof content === 'string' ? content : new Uint8Array(content)], name, { type: 'text/csv' }),
  );
  return data;
}

describe('a Salesforce export through the Data page', () => {
  let uploadId: string;

  test('upload answers the headers and the first raw rows', async () => {
    const res = await call(
      'ops',
      'POST',
      '/api/data/uploads',
      form('sf.csv', readFileSync(join(FIXTURES, 'salesforce-opportunities-report.csv'))),
    );
    expect(res.status).toBe(201);
    expect(res.body.headers).toContain('Opportunity ID');
    expect(res.body.sample).toHaveLength(8);
    expect(res.body.sample[0]['Opportunity Owner']).toBe('Maria Lopez');
    uploadId = res.body.uploadId;
  });

  test('preview with the preset dry-runs the whole file: every row is rejected for owners the company lacks', async () => {
    const res = await call('ops', 'POST', `/api/data/uploads/${uploadId}/preview`, {
      entity: 'opportunities',
      preset: 'salesforce',
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(8);
    // the preset comes back in full, so the mapping screen can edit it without losing its value maps
    expect(res.body.mapping).toMatchObject({
      entity: 'opportunities',
      dateFormat: 'MM/DD/YYYY',
      columns: { externalId: 'Opportunity ID' },
    });
    expect(res.body.mapping.values.forecastCategory).toMatchObject({ 'Best Case': 'best_case' });
    expect(res.body.rows[1].values).toMatchObject({
      externalId: '0065e00000A1bC3AAJ',
      amount: '48500.00',
      status: 'won',
    });
    expect(res.body.summary).toEqual({ rows: 8, created: 0, updated: 0, unchanged: 0, rejected: 8 });
    expect(res.body.issues[0]).toMatchObject({ row: 2, code: 'IMPORT_UNKNOWN_REFERENCE' });
    expect(
      await store.db.selectFrom('opportunities').select('id').where('external_id', 'like', '0065%').execute(),
    ).toEqual([]);
  });

  test('all-or-nothing import fails with every problem; skipping writes the rejected rows for download', async () => {
    const strict = await call('ops', 'POST', `/api/data/uploads/${uploadId}/import`, {
      entity: 'opportunities',
      preset: 'salesforce',
    });
    expect(strict.status).toBe(400);
    expect(strict.body.error).toMatchObject({ code: 'IMPORT_INVALID' });
    const skip = await call('ops', 'POST', `/api/data/uploads/${uploadId}/import`, {
      entity: 'opportunities',
      preset: 'salesforce',
      skipInvalid: true,
    });
    expect(skip.body).toMatchObject({
      summary: { rejected: 8, created: 0 },
      rejectedUrl: `/api/data/uploads/${uploadId}/rejected.csv`,
    });
    const csv = await call('ops', 'GET', skip.body.rejectedUrl);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\n')[0]).toMatch(/^row,externalId,.*,reason$/);
    expect(csv.text).toContain('no people with externalId or name ""Maria Lopez""');
    // the formula-looking account name is neutralised in the file a user opens in Excel
    expect(csv.text).toContain(`,"'=HYPERLINK(""http://example.invalid"",""click"")",`);
  });
});

describe('a clean accounts file', () => {
  test('guessing the mapping from the headers, importing, and the record page with its audit trail', async () => {
    const file = 'External ID;Name;Industry;Annual Revenue\nA-100;Tailspin Toys;Retail;"1.250.000"\n'.replace(
      '"1.250.000"',
      '1250000',
    );
    const up = await call('ops', 'POST', '/api/data/uploads', form('accounts.csv', file));
    const preview = await call('ops', 'POST', `/api/data/uploads/${up.body.uploadId}/preview`, { entity: 'accounts' });
    expect(preview.body.mapping).toMatchObject({
      entity: 'accounts',
      columns: { externalId: 'External ID', name: 'Name' },
    });
    expect(preview.body.summary).toMatchObject({ created: 1, rejected: 0 });
    const imported = await call('ops', 'POST', `/api/data/uploads/${up.body.uploadId}/import`, { entity: 'accounts' });
    expect(imported.body).toMatchObject({ summary: { created: 1 }, rejectedUrl: null });
    const record = await call('ops', 'GET', '/api/data/records/accounts/A-100');
    expect(record.body.values).toMatchObject({
      externalId: 'A-100',
      name: 'Tailspin Toys',
      annualRevenue: '1250000',
      parent: null,
    });
    expect(record.body.audit).toEqual([]);
    expect((await call('ops', 'GET', '/api/data/records/accounts/A-404')).status).toBe(404);
  });

  test('a named mapping is saved, listed, and replaced by the same name', async () => {
    const mapping = { entity: 'accounts', columns: { externalId: 'Account ID', name: 'Account Name' } };
    expect(
      (await call('ops', 'POST', '/api/data/mappings', { name: 'CRM accounts', entity: 'accounts', mapping })).status,
    ).toBe(201);
    await call('ops', 'POST', '/api/data/mappings', {
      name: 'crm ACCOUNTS',
      entity: 'accounts',
      mapping: { ...mapping, dateFormat: 'MM/DD/YYYY' },
    });
    const list = await call('ops', 'GET', '/api/data/mappings?entity=accounts');
    expect(list.body.mappings).toHaveLength(1);
    expect(list.body.mappings[0]).toMatchObject({ name: 'CRM accounts', mapping: { dateFormat: 'MM/DD/YYYY' } });
    const bad = await call('ops', 'POST', '/api/data/mappings', {
      name: 'x',
      entity: 'accounts',
      mapping: { colums: {} },
    });
    expect(bad.body.error).toMatchObject({ code: 'MAPPING_INVALID' });
  });
});

test('only operations load data; a rep is refused', async () => {
  const res = await call('rep', 'POST', '/api/data/uploads', form('x.csv', 'externalId,name\nA,B\n'));
  expect(res.status).toBe(403);
  expect(res.body.error).toMatchObject({ code: 'FORBIDDEN' });
});
