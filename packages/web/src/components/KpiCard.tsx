import type { ReactNode } from 'react';

export function KpiCard({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: ReactNode;
  testId: string;
}) {
  return (
    <section className="kpi" data-testid={testId}>
      <h2 className="kpi__label">{label}</h2>
      <p className="kpi__value" data-testid={`${testId}-value`}>
        {value}
      </p>
      {hint && <p className="kpi__hint">{hint}</p>}
    </section>
  );
}
