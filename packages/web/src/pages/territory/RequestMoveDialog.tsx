// "Request move": the target territory, the effective date, a reason and what happens to quota. The
// server creates a proposed request and answers with its impact preview — the open pipeline, the
// trailing bookings and the quota that move with the account — which stays on screen; nothing moves
// until someone allowed approves it (DESIGN §5.1).
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import type { Role } from '../../api/types.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Link } from '../../components/Link.tsx';
import { MoveImpactView } from './MoveImpactView.tsx';
import {
  localToday,
  type MoveRequest,
  type MoveRequestInput,
  QUOTA_TREATMENTS,
  type QuotaTreatment,
  type Territory,
  type TerritoryAccount,
} from './types.ts';

const quotaLabels: Record<QuotaTreatment, { label: string; hint: string }> = {
  none: { label: 'None', hint: 'Quota stays where it is' },
  prorata: { label: 'Pro rata', hint: 'The share for the rest of the quota period moves' },
  full: { label: 'Full', hint: 'The whole share for the period moves' },
};

type Submit =
  | { state: 'editing'; error?: ApiError }
  | { state: 'sending' }
  | { state: 'requested'; request: MoveRequest };

export function RequestMoveDialog({
  account,
  territories,
  role,
  onClose,
  onRequested,
}: {
  account: TerritoryAccount;
  territories: Territory[];
  role: Role;
  onClose: () => void;
  onRequested: () => void;
}) {
  // Accounts sit in leaf account territories: a parent holds none of its own, an overlay adds credit.
  const parents = new Set(territories.map((territory) => territory.parent).filter(Boolean));
  const targets = territories.filter(
    (territory) =>
      territory.type === 'account' && !parents.has(territory.externalId) && territory.externalId !== account.territory,
  );
  const nameOf = (id: string) => territories.find((territory) => territory.externalId === id)?.name ?? id;
  const [to, setTo] = useState('');
  const [effective, setEffective] = useState(localToday);
  const [reason, setReason] = useState('');
  const [quota, setQuota] = useState<QuotaTreatment>('prorata');
  const [submit, setSubmit] = useState<Submit>({ state: 'editing' });

  async function send(event: FormEvent) {
    event.preventDefault();
    setSubmit({ state: 'sending' });
    const body: MoveRequestInput = { account: account.externalId, territory: to, effective, quota };
    if (reason.trim()) body.reason = reason.trim();
    try {
      const request = await api<MoveRequest>('/api/territory/moves', { method: 'POST', body });
      setSubmit({ state: 'requested', request });
      onRequested();
    } catch (cause) {
      const error = cause instanceof ApiError ? cause : new ApiError(0, 'UNEXPECTED', 'The request failed. Try again.');
      setSubmit({ state: 'editing', error });
    }
  }

  const from = account.territoryName ? `${account.territoryName} (${account.territory})` : 'no territory';
  if (submit.state === 'requested') {
    const { request } = submit;
    return (
      <Dialog
        title="Move requested"
        subtitle={`${account.name}: ${from} → ${nameOf(request.to)} (${request.to})`}
        onClose={onClose}
      >
        <div className="dialog__body" data-testid="move-requested">
          <p>
            Request <strong>#{request.id}</strong> is{' '}
            <span className={`pill pill--${request.status}`}>{request.status}</span>
            {request.status === 'proposed'
              ? '. Nothing moves until a manager or Sales Ops approves it.'
              : ` effective ${request.effective}.`}
          </p>
          {request.impact ? (
            <MoveImpactView impact={request.impact} testId="move-impact" />
          ) : (
            <p className="muted">The server sent no impact preview for this request.</p>
          )}
        </div>
        <footer className="dialog__footer">
          <Link to="/territories/moves?status=proposed" className="button button--secondary">
            See move requests
          </Link>
          <button type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        </footer>
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Request a move"
      subtitle={
        <>
          <strong>{account.name}</strong> <code>{account.externalId}</code> · now in {from}
        </>
      }
      onClose={onClose}
      testId="request-move"
    >
      <form onSubmit={send}>
        <div className="dialog__body form-grid">
          <label className="field">
            <span>Move to</span>
            <select value={to} required onChange={(event) => setTo(event.target.value)} aria-label="Move to">
              <option value="" disabled>
                Pick a territory
              </option>
              {targets.map((territory) => (
                <option key={territory.externalId} value={territory.externalId}>
                  {territory.name} ({territory.externalId}){parents.has(territory.externalId) ? ' — parent' : ''}
                  {territory.owner ? ` · ${territory.owner.tbh ? 'TBH' : territory.owner.name}` : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Effective date</span>
            <input
              type="date"
              value={effective}
              required
              onChange={(event) => setEffective(event.target.value)}
              aria-label="Effective date"
            />
            <span className="muted field__hint">
              Deals dated before it stay with the old owner; from it they go to the new one.
            </span>
          </label>
          <label className="field">
            <span>Reason</span>
            <textarea
              value={reason}
              rows={2}
              onChange={(event) => setReason(event.target.value)}
              placeholder="e.g. HQ moved to Munich"
              aria-label="Reason"
            />
          </label>
          <fieldset className="field quota-choices">
            <legend>Quota</legend>
            {QUOTA_TREATMENTS.map((treatment) => (
              <label key={treatment} className="quota-choice">
                <input
                  type="radio"
                  name="quota"
                  value={treatment}
                  checked={quota === treatment}
                  onChange={() => setQuota(treatment)}
                />
                <span>
                  <strong>{quotaLabels[treatment].label}</strong>
                  <span className="muted">{quotaLabels[treatment].hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <p className="muted">
            The impact preview — open pipeline, trailing bookings and quota that move — comes back with the request.
          </p>
          {role === 'finance' && (
            <p className="notice">Finance does not request account moves; the server will say so.</p>
          )}
          {submit.state === 'editing' && submit.error && (
            <p className="form-error" role="alert">
              {submit.error.message} <code className="error-code">{submit.error.code}</code>
            </p>
          )}
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={!to || !effective || submit.state === 'sending'}
          >
            {submit.state === 'sending' ? 'Requesting…' : 'Request move'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
