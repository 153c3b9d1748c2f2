import { formatCount } from './format.ts';

/** Previous / next over a list the server pages with limit and offset. */
export function Pager({
  offset,
  limit,
  total,
  busy,
  onOffset,
}: {
  offset: number;
  limit: number;
  total: number;
  busy?: boolean;
  onOffset: (offset: number) => void;
}) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  return (
    <div className="pager" data-testid="pager">
      <span className="muted">
        {total === 0 ? 'No rows' : `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`}
        {busy && ' · loading…'}
      </span>
      <div className="pager__buttons">
        <button
          type="button"
          className="button button--secondary"
          disabled={offset === 0 || busy}
          onClick={() => onOffset(Math.max(0, offset - limit))}
        >
          Previous
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={last >= total || busy}
          onClick={() => onOffset(offset + limit)}
        >
          Next
        </button>
      </div>
    </div>
  );
}
