// Import → export → import changes nothing (issue 3), for every entity of the demo company, through
// real CSV and XLSX files; and, property-tested, for rows of awkward text.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTITY_COLUMNS, type EntityName } from '@attain/core/data/entity-columns.ts';
import { writeCsv } from '@attain/io/export/write-csv.ts';
import { writeXlsx } from '@attain/io/export/write-xlsx.ts';
import { openImportFile } from '@attain/io/import/open-import-file.ts';
import { exportEntity } from '@attain/store/data/export-entity.ts';
import { importRows } from '@attain/store/data/import-entity.ts';
import { loadDemoCompany } from '@attain/store/demo/load-demo-company.ts';
import type { Store } from '@attain/store/open-store.ts';
import { openTestStore } from '@attain/store/test-store.ts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const TODAY = '2026-11-24';
const dir = mkdtempSync(join(tmpdir(), 'attain-round-trip-'));

async function exportTo(store: Store, entity: EntityName, format: 'csv' | 'xlsx'): Promise<string> {
  const file = join(dir, `${entity}-${Math.random().toString(36).slice(2)}.${format}`);
  const rows = exportEntity(store.db, entity, { asOf: TODAY });
  if (format === 'csv') await writeCsv(rows, ENTITY_COLUMNS[entity], file);
  else await writeXlsx(rows, ENTITY_COLUMNS[entity], file);
  return file;
}

async function reimport(store: Store, entity: EntityName, file: string) {
  const source = await openImportFile(file, { entity });
  return importRows(store.db, entity, source, { asOf: TODAY, actor: 'round-trip', fileName: file });
}

describe('the demo company re-imports unchanged', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
    await loadDemoCompany(store.db, { size: 'small', seed: 11, today: TODAY });
  });
  afterAll(async () => {
    await store.close();
  });

  const entities: [EntityName, 'csv' | 'xlsx'][] = [
    ['orgUnits', 'csv'],
    ['people', 'xlsx'],
    ['products', 'xlsx'],
    ['territories', 'csv'],
    ['accounts', 'csv'],
    ['opportunities', 'xlsx'],
    ['opportunitySplits', 'csv'],
    ['transactions', 'csv'],
    ['quotas', 'xlsx'],
    ['fxRates', 'csv'],
  ];

  test.each(entities)('%s through %s', async (entity, format) => {
    const result = await reimport(store, entity, await exportTo(store, entity, format));
    expect(result.rows).toBeGreaterThan(0);
    expect({
      created: result.created,
      updated: result.updated,
      rejected: result.rejected,
      issues: result.issues,
    }).toEqual({
      created: 0,
      updated: 0,
      rejected: 0,
      issues: [],
    });
    expect(result.unchanged).toBe(result.rows);
  });
});

describe('awkward text survives import → export → import', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store.close();
  });

  // Names with quotes, commas, line breaks, formula-looking starts, unicode; trimmed, never blank.
  const awkward = fc
    .string({
      unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', "'", '\n', '=', '+', '-', '@', 'é', '€', '中', '😀', '\t'),
      minLength: 1,
      maxLength: 12,
    })
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !/^'[=+\-@\t\r]/.test(s));

  test('accounts and products', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(awkward, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('csv' as const, 'xlsx' as const),
        async (names, format) => {
          round += 1;
          const entity: EntityName = round % 2 === 0 ? 'accounts' : 'products';
          const rows = names.map((name, i) => ({ externalId: `R${round}-${i}`, name }));
          const file = join(dir, `seed-${round}.${format}`);
          const columns = ENTITY_COLUMNS[entity].filter((c) => c.name === 'externalId' || c.name === 'name');
          if (format === 'csv') await writeCsv(rows, columns, file);
          else await writeXlsx(rows, columns, file);
          const first = await reimport(store, entity, file);
          expect(first.created).toBe(names.length);
          const exported: Record<string, string | null>[] = [];
          for await (const row of exportEntity(store.db, entity, { asOf: TODAY })) {
            if (row.externalId?.startsWith(`R${round}-`)) exported.push(row);
          }
          expect(exported.map((r) => r.name).sort()).toEqual([...names].sort());
          const again = await reimport(store, entity, await exportTo(store, entity, format));
          expect({ created: again.created, updated: again.updated, rejected: again.rejected }).toEqual({
            created: 0,
            updated: 0,
            rejected: 0,
          });
        },
      ),
      { numRuns: 25 },
    );
  });
});
