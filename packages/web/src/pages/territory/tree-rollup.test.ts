import { describe, expect, test } from 'vitest';
import { accountsFirst, addMoney, buildTree } from './tree-rollup.ts';
import type { Territory } from './types.ts';

const territory = (externalId: string, parent: string | null, depth: number, pipeline: string): Territory => ({
  externalId,
  name: externalId,
  parent,
  type: 'account',
  productFamily: null,
  depth,
  owner: null,
  accounts: 2,
  openPipeline: pipeline,
  trailingBookings: '0.00',
});

describe('tree roll-up', () => {
  test('money adds as exact cents', () => {
    expect(addMoney('0.10', '0.20')).toBe('0.30');
    expect(addMoney('12345678901234567.89', '0.11')).toBe('12345678901234568.00');
    expect(addMoney('-5.00', '2.5')).toBe('-2.50');
  });

  test('a parent shows the sum of its subtree: geo 0 + leaves 100.50 and 200.25 + grandchild 1', () => {
    const rows = buildTree([
      territory('geo', null, 0, '0.00'),
      territory('a', 'geo', 1, '100.50'),
      territory('a1', 'a', 2, '1.00'),
      territory('b', 'geo', 1, '200.25'),
    ]);
    expect(rows.get('geo')?.total).toMatchObject({ accounts: 8, openPipeline: '301.75' });
    expect(rows.get('a')?.total).toMatchObject({ accounts: 4, openPipeline: '101.50' });
    expect(rows.get('geo')?.children).toEqual(['a', 'b']);
  });
});

describe('tree order', () => {
  test('account hierarchy first, overlays after, each subtree kept together', () => {
    const overlay = { ...territory('ovl', null, 0, '0'), type: 'overlay' };
    const list = [overlay, territory('geo', null, 0, '0'), territory('a', 'geo', 1, '0')];
    const rows = buildTree(list);
    expect(accountsFirst(list, rows).map((t) => t.externalId)).toEqual(['geo', 'a', 'ovl']);
  });
});
