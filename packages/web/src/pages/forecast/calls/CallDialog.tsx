// Submitting a call: one's own (commit ≤ best case ≤ pipeline), or a manager's override of a team
// roll-up, which needs a note. The server checks everything again; its message is shown as it is.
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../../api/client.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import type { CallCategories } from './types.ts';

export interface CallDraft {
  person: string;
  personName: string;
  period: string;
  /** The existing call's currency; absent, the server takes the person's. */
  currency?: string | undefined;
  override: boolean;
  initial: CallCategories | null;
  note: string | null;
}

export function CallDialog({
  draft,
  onClose,
  onSaved,
}: {
  draft: CallDraft;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [values, setValues] = useState<CallCategories>(draft.initial ?? { commit: '', bestCase: '', pipeline: '' });
  const [note, setNote] = useState(draft.note ?? '');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      await api('/api/forecast/calls', {
        method: 'POST',
        body: {
          person: draft.person,
          period: draft.period,
          ...values,
          ...(draft.currency && { currency: draft.currency }),
          ...(draft.override && { override: true, note }),
        },
      });
      onSaved();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'UNEXPECTED', 'The call was not saved.'));
      setSending(false);
    }
  }

  const field = (key: keyof CallCategories, label: string) => (
    <label className="field">
      <span>
        {label}
        {draft.currency && ` (${draft.currency})`}
      </span>
      <input
        inputMode="decimal"
        required
        value={values[key]}
        onChange={(event) => setValues({ ...values, [key]: event.target.value.trim() })}
        data-testid={`call-${key}`}
      />
    </label>
  );

  return (
    <Dialog
      title={draft.override ? `Override ${draft.personName}'s team call` : `${draft.personName}'s call`}
      subtitle={`${draft.period}, this week. Categories are cumulative: commit ≤ best case ≤ pipeline.`}
      onClose={onClose}
      testId="call-dialog"
    >
      <form onSubmit={submit}>
        <div className="dialog__body form-grid">
          {field('commit', 'Commit')}
          {field('bestCase', 'Best case')}
          {field('pipeline', 'Pipeline')}
          {draft.override && (
            <label className="field">
              <span>Why the override</span>
              <textarea required value={note} onChange={(event) => setNote(event.target.value)} rows={3} />
            </label>
          )}
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
            type="submit"
            className="button button--primary"
            disabled={sending || (draft.override && note.trim() === '')}
          >
            {sending ? 'Saving…' : 'Submit'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
