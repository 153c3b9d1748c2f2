// Approve or reject one proposed move, with a note. An approval due today or earlier is applied at
// once by the server. A refusal (FORBIDDEN: not your team, your own request) is shown as a notice,
// not as a failure.
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { MoveImpactView } from './MoveImpactView.tsx';
import type { MoveRequest } from './types.ts';

export type Decision = 'approve' | 'reject';

export function DecideMoveDialog({
  request,
  decision,
  territory,
  onClose,
  onDecided,
}: {
  request: MoveRequest;
  decision: Decision;
  territory: (id: string | null) => string;
  onClose: () => void;
  onDecided: (decided: MoveRequest) => void;
}) {
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const verb = decision === 'approve' ? 'Approve' : 'Reject';

  async function send(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      const decided = await api<MoveRequest>(`/api/territory/moves/${encodeURIComponent(request.id)}/${decision}`, {
        method: 'POST',
        body: note.trim() ? { note: note.trim() } : {},
      });
      onDecided(decided);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'UNEXPECTED', 'The decision failed. Try again.'));
      setSending(false);
    }
  }

  return (
    <Dialog
      title={`${verb} move #${request.id}`}
      subtitle={
        <>
          <strong>{request.accountName}</strong>: {territory(request.from)} → {territory(request.to)}, effective{' '}
          {request.effective}
        </>
      }
      onClose={onClose}
      testId="decide-move"
    >
      <form onSubmit={send}>
        <div className="dialog__body form-grid">
          {request.impact && <MoveImpactView impact={request.impact} />}
          {request.reason && (
            <p>
              <span className="muted">Reason given:</span> “{request.reason}”
            </p>
          )}
          <label className="field">
            <span>Note {decision === 'reject' ? '(say why, for the requester)' : '(optional)'}</span>
            <textarea value={note} rows={2} onChange={(event) => setNote(event.target.value)} aria-label="Note" />
          </label>
          {error &&
            (error.code === 'FORBIDDEN' ? (
              <p className="notice" role="alert" data-testid="decide-forbidden">
                You cannot {decision} this request: {error.message}. Ask Sales Ops or the manager of the territories
                involved.
              </p>
            ) : (
              <p className="form-error" role="alert">
                {error.message} <code className="error-code">{error.code}</code>
              </p>
            ))}
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={`button ${decision === 'approve' ? 'button--primary' : 'button--danger'}`}
            disabled={sending}
          >
            {sending ? `${verb === 'Approve' ? 'Approving' : 'Rejecting'}…` : verb}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
