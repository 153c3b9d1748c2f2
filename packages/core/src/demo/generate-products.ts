// Twelve products in four families, priced per year in USD. Data products are metered: their
// deals bill usage every month on top of the subscription.
import type { ProductRow } from './demo-rows.ts';
import { externalId } from './demo-rows.ts';

const CATALOG: readonly (readonly [name: string, family: string, listPrice: string])[] = [
  ['Northbeam Core', 'Platform', '12000.00'],
  ['Northbeam Professional', 'Platform', '36000.00'],
  ['Northbeam Enterprise', 'Platform', '96000.00'],
  ['Insights', 'Analytics', '18000.00'],
  ['Insights Pro', 'Analytics', '45000.00'],
  ['Forecast AI', 'Analytics', '30000.00'],
  ['Guard', 'Security', '15000.00'],
  ['Guard Plus', 'Security', '40000.00'],
  ['Identity Hub', 'Security', '22000.00'],
  ['Data Cloud', 'Data', '25000.00'],
  ['Data Pipelines', 'Data', '20000.00'],
  ['Data Connectors', 'Data', '8000.00'],
];

export const METERED_FAMILIES: ReadonlySet<string> = new Set(['Data', 'Platform']);

export function generateProducts(): ProductRow[] {
  return CATALOG.map(([name, family, listPrice], i) => ({
    id: i + 1,
    external_id: externalId('PRD', i + 1, 2),
    name,
    family,
    list_price: listPrice,
    currency: 'USD',
  }));
}
