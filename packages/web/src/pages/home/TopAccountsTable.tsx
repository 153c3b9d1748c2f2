import { useMemo } from 'react';
import type { Dashboard } from '../../api/types.ts';
import { type DataColumn, DataTable } from '../../components/DataTable.tsx';
import { formatMoney } from '../../components/format.ts';

type TopAccount = Dashboard['topAccounts'][number];

export function TopAccountsTable({ accounts, currency }: { accounts: TopAccount[]; currency: string }) {
  const columns = useMemo<DataColumn<TopAccount>[]>(
    () => [
      {
        id: 'account',
        header: 'Account',
        value: (row) => row.account,
        render: (row) => <strong>{row.account}</strong>,
      },
      {
        id: 'externalId',
        header: 'Account ID',
        value: (row) => row.externalId,
        render: (row) => <code>{row.externalId}</code>,
      },
      {
        id: 'amount',
        header: `Bookings YTD (${currency})`,
        value: (row) => row.amount,
        render: (row) => formatMoney(row.amount, currency),
        numeric: true,
      },
    ],
    [currency],
  );
  return (
    <DataTable
      testId="top-accounts"
      columns={columns}
      rows={accounts}
      exportName="top-accounts"
      filterPlaceholder="Filter accounts"
      initialSort={[{ id: 'amount', desc: true }]}
      emptyMessage="No bookings this fiscal year yet."
    />
  );
}
