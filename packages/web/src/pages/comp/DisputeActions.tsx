// Answering and resolving a dispute. Ops and admin answer with a note, and optionally an adjustment
// (an open period: a closed one takes none); the payee who raised it, ops or admin resolve it.
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import type { Dispute } from './types.ts';

export function DisputeActions({ me, dispute, onChanged }: { me: Me; dispute: Dispute; onChanged: () => void }) {
  const operator = me.role === 'admin' || me.role === 'ops';
  const mayResolve = operator || me.user.email === dispute.raisedBy;
  const [note, setNote] = useState('');
  const [adjust, setAdjust] = useState(false);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState(`Dispute #${dispute.id}: ${dispute.line}`);
  const [period, setPeriod] = useState(dispute.period);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  if (dispute.status === 'resolved') return <p className="muted">This dispute is resolved.</p>;

  async function send(path: string, body: unknown) {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/comp/disputes/${encodeURIComponent(dispute.id)}/${path}`, { method: 'POST', body });
      setNote('');
      setAmount('');
      setAdjust(false);
      onChanged();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'UNEXPECTED', 'That did not work. Try again.'));
    } finally {
      setBusy(false);
    }
  }

  function answer(event: FormEvent) {
    event.preventDefault();
    send('answer', { note, ...(adjust ? { adjustment: { amount, reason, period } } : {}) });
  }

  return (
    <div className="dispute-actions">
      {operator && (
        <form className="form-grid" onSubmit={answer} data-testid="answer-form">
          <label className="field">
            <span>Answer</span>
            <textarea value={note} rows={3} onChange={(event) => setNote(event.target.value)} aria-label="Answer" />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={adjust} onChange={(event) => setAdjust(event.target.checked)} /> With an
            adjustment (someone else approves it before it is paid)
          </label>
          {adjust && (
            <div className="adjustment-fields">
              <label className="field">
                <span>Amount ({dispute.person}’s plan currency)</span>
                <input
                  className="text-input"
                  value={amount}
                  inputMode="decimal"
                  placeholder="250.00"
                  onChange={(event) => setAmount(event.target.value)}
                  aria-label="Amount"
                />
              </label>
              <label className="field">
                <span>Pay period (an open one)</span>
                <input
                  className="text-input"
                  value={period}
                  onChange={(event) => setPeriod(event.target.value)}
                  aria-label="Adjustment period"
                />
              </label>
              <label className="field">
                <span>Reason (on the statement)</span>
                <input
                  className="text-input"
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  aria-label="Reason"
                />
              </label>
            </div>
          )}
          <div className="dispute-actions__submit">
            <button type="submit" className="button button--primary" disabled={busy || note.trim() === ''}>
              {adjust ? 'Answer with adjustment' : 'Send answer'}
            </button>
          </div>
        </form>
      )}
      {mayResolve && (
        <div className="dispute-actions__resolve">
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => send('resolve', operator || note.trim() === '' ? {} : { note })}
          >
            Mark resolved
          </button>
          {!operator && <span className="muted">when the answer settles it</span>}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message} <code className="error-code">{error.code}</code>
        </p>
      )}
    </div>
  );
}
