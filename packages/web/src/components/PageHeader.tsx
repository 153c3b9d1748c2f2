import type { ReactNode } from 'react';

export function PageHeader({ title, summary, aside }: { title: string; summary?: string; aside?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {summary && <p className="page-header__summary">{summary}</p>}
      </div>
      {aside && <div className="page-header__aside">{aside}</div>}
    </div>
  );
}
