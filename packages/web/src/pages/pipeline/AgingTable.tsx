// Open deals by stage and age (days since created), exportable like every Attain table.
import { useMemo } from 'react';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatCount, formatMoney } from '../../components/format.ts';
import type { Aging, AgingStage } from './types.ts';

export function AgingTable({ aging }: { aging: Aging }) {
  const columns = useMemo<DataColumn<AgingStage>[]>(() => {
    const money = (value: string) => formatMoney(value, aging.currency, 0);
    const buckets = (aging.total.buckets ?? []).map((b, i) => ({
      id: `bucket-${b.bucket}`,
      header: `${b.bucket} days`,
      value: (row: AgingStage) => row.buckets[i]?.amount ?? null,
      render: (row: AgingStage) => money(row.buckets[i]?.amount ?? '0'),
      numeric: true,
    }));
    return [
      { id: 'stage', header: 'Stage', value: (row) => row.stage },
      {
        id: 'count',
        header: 'Deals',
        value: (row) => row.count,
        render: (row) => formatCount(row.count),
        numeric: true,
      },
      { id: 'amount', header: 'Amount', value: (row) => row.amount, render: (row) => money(row.amount), numeric: true },
      ...buckets,
      { id: 'avgAgeDays', header: 'Avg age (days)', value: (row) => row.avgAgeDays, numeric: true },
      { id: 'avgDaysInStage', header: 'Avg days in stage', value: (row) => row.avgDaysInStage, numeric: true },
    ];
  }, [aging]);
  const rows = useMemo(() => [...aging.stages, { ...aging.total, stage: 'Total' }], [aging]);

  return (
    <DataTable
      testId="pipeline-aging"
      columns={columns}
      rows={rows}
      exportName={`pipeline-aging-${aging.asOf}`}
      filterPlaceholder="Filter stages"
      emptyMessage="No open deals."
    />
  );
}
