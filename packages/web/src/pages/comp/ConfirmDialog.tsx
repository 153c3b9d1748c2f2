// "Are you sure?" for the steps that cannot be taken back (approve, close): what will happen, then
// the action, with the server's refusal shown as it words it.
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { Dialog } from '../../components/Dialog.tsx';

export function ConfirmDialog({
  title,
  children,
  action,
  danger,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  action: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'UNEXPECTED', 'That did not work. Try again.'));
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose} testId="confirm">
      <div className="dialog__body">
        {children}
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
        <button
          type="button"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          onClick={confirm}
          disabled={busy}
        >
          {busy ? 'Working…' : action}
        </button>
      </footer>
    </Dialog>
  );
}
