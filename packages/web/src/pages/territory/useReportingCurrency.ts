// The currency territory figures are in. The tree does not say yet, so the dashboard's reporting
// currency stands in, fetched once per page load and only when the answer itself lacks one.
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { Dashboard } from '../../api/types.ts';

let reporting: Promise<string> | undefined;

export function useReportingCurrency(sent: string | undefined): string {
  const [fallback, setFallback] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (sent) return;
    reporting ??= api<Dashboard>('/api/dashboard').then(
      (dashboard) => dashboard.currency,
      () => 'USD',
    );
    let current = true;
    void reporting.then((currency) => current && setFallback(currency));
    return () => {
      current = false;
    };
  }, [sent]);
  return sent ?? fallback ?? 'USD';
}
