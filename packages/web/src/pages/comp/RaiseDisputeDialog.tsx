// "Dispute this line": the payee says what looks wrong; Sales Ops answers in the dispute's thread.
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';
import type { DisputeThread } from './types.ts';

export function RaiseDisputeDialog({
  period,
  line,
  onClose,
  onRaised,
}: {
  period: string;
  line: string;
  onClose: () => void;
  onRaised: (thread: DisputeThread) => void;
}) {
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function send(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      onRaised(await api<DisputeThread>('/api/comp/disputes', { method: 'POST', body: { period, line, note } }));
    } catch (cause) {
      setError(
        cause instanceof ApiError ? cause : new ApiError(0, 'UNEXPECTED', 'The dispute was not sent. Try again.'),
      );
      setSending(false);
    }
  }

  return (
    <Dialog title="Dispute this line" subtitle={`${line} · ${period}`} onClose={onClose} testId="raise-dispute">
      <form onSubmit={send}>
        <div className="dialog__body form-grid">
          <label className="field">
            <span>What looks wrong? Name the deal or the figure you expected.</span>
            <textarea
              value={note}
              rows={4}
              required
              onChange={(event) => setNote(event.target.value)}
              aria-label="What looks wrong"
            />
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error.message} <code className="error-code">{error.code}</code>
            </p>
          )}
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={sending || note.trim() === ''}>
            {sending ? 'Sending…' : 'Send dispute'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
