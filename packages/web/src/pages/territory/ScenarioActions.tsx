// What Sales Ops does with a planning scenario: move an account inside it, publish it on an
// effective date (every difference becomes an effective-dated change of the live model), or archive it.
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { Card } from '../../components/Card.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { formatCount, formatDate } from '../../components/format.ts';
import { localToday, type Scenario, type ScenarioComparison } from './types.ts';

interface Published {
  scenario: Scenario;
  effectiveDate: string;
  assignmentsChanged: number;
  ownersChanged: number;
  rulesReplaced: boolean;
}

export function ScenarioActions({
  comparison,
  onChanged,
}: {
  comparison: ScenarioComparison;
  onChanged: (message: string) => void;
}) {
  const { scenario } = comparison;
  const base = `/api/territory/scenarios/${encodeURIComponent(scenario.id)}`;
  const [dialog, setDialog] = useState<'publish' | 'archive' | null>(null);
  const [account, setAccount] = useState('');
  const [territory, setTerritory] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const parents = new Set(comparison.territories.map((row) => row.parent).filter(Boolean));
  const leaves = comparison.territories.filter((row) => !parents.has(row.territory));

  async function run<T>(path: string, body: unknown, done: (answer: T) => string) {
    setBusy(true);
    setError(null);
    try {
      const answer = await api<T>(path, { method: 'POST', body });
      setDialog(null);
      onChanged(done(answer));
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'UNEXPECTED', 'That did not work. Try again.'));
    } finally {
      setBusy(false);
    }
  }

  function move(event: FormEvent) {
    event.preventDefault();
    void run<{ account: string; from: string | null; to: string }>(
      `${base}/moves`,
      { account: account.trim(), territory },
      (moved) => `${moved.account} moves ${moved.from ?? '(none)'} → ${moved.to} in this scenario.`,
    );
    setAccount('');
  }

  const problem = error && (
    <p className="form-error" role="alert">
      {error.message} <code className="error-code">{error.code}</code>
    </p>
  );

  return (
    <Card
      title="Change this scenario"
      subtitle="The live model is untouched until you publish"
      testId="scenario-actions"
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={() => setDialog('archive')}>
            Archive
          </button>
          <button type="button" className="button button--primary" onClick={() => setDialog('publish')}>
            Publish…
          </button>
        </>
      }
    >
      <form className="inline-form" onSubmit={move}>
        <label className="field field--inline">
          <span>Move account</span>
          <input
            className="text-input"
            value={account}
            required
            onChange={(event) => setAccount(event.target.value)}
            placeholder="Account ID or name"
            aria-label="Account to move in the scenario"
          />
        </label>
        <label className="field field--inline">
          <span>to</span>
          <select
            value={territory}
            required
            onChange={(event) => setTerritory(event.target.value)}
            aria-label="Scenario territory"
          >
            <option value="" disabled>
              Pick a territory
            </option>
            {leaves.map((row) => (
              <option key={row.territory} value={row.territory}>
                {row.name} ({row.territory})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button--secondary" disabled={busy || !account.trim() || !territory}>
          Move in scenario
        </button>
      </form>
      <p className="muted scenario-actions__hint">
        To let the optimizer propose the moves:{' '}
        <code>attain territory balance --metric potential --tolerance 0.1 --scenario "{scenario.name}"</code>
      </p>
      {dialog === null && problem}
      {dialog === 'publish' && (
        <PublishDialog
          comparison={comparison}
          busy={busy}
          problem={problem}
          onClose={() => {
            setDialog(null);
            setError(null);
          }}
          onPublish={(effectiveDate) =>
            run<Published>(
              `${base}/publish`,
              { effectiveDate },
              (result) =>
                `Published effective ${formatDate(result.effectiveDate)}: ${formatCount(result.assignmentsChanged)} assignments and ${formatCount(result.ownersChanged)} owners changed${result.rulesReplaced ? ', rules replaced' : ''}.`,
            )
          }
        />
      )}
      {dialog === 'archive' && (
        <Dialog
          title={`Archive “${scenario.name}”?`}
          subtitle="An archived scenario stays readable but can no longer change or be published."
          onClose={() => {
            setDialog(null);
            setError(null);
          }}
        >
          <div className="dialog__body">{problem}</div>
          <footer className="dialog__footer">
            <button type="button" className="button button--ghost" onClick={() => setDialog(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => run<Scenario>(`${base}/archive`, undefined, () => 'The scenario is archived.')}
            >
              Archive
            </button>
          </footer>
        </Dialog>
      )}
    </Card>
  );
}

function PublishDialog({
  comparison,
  busy,
  problem,
  onClose,
  onPublish,
}: {
  comparison: ScenarioComparison;
  busy: boolean;
  problem: ReactNode;
  onClose: () => void;
  onPublish: (effectiveDate: string) => void;
}) {
  const [effective, setEffective] = useState(localToday);
  return (
    <Dialog
      title={`Publish “${comparison.scenario.name}”`}
      subtitle="Every difference from the live model becomes an effective-dated change"
      onClose={onClose}
      testId="publish-scenario"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onPublish(effective);
        }}
      >
        <div className="dialog__body form-grid">
          <p>
            {formatCount(comparison.moved.length)} {comparison.moved.length === 1 ? 'account moves' : 'accounts move'}{' '}
            and {formatCount(comparison.owners.length)}{' '}
            {comparison.owners.length === 1 ? 'territory changes' : 'territories change'} owner. Deals dated before the
            effective date stay with their old owners.
          </p>
          <label className="field">
            <span>Effective date</span>
            <input
              type="date"
              value={effective}
              required
              onChange={(event) => setEffective(event.target.value)}
              aria-label="Effective date"
            />
            <span className="muted field__hint">It must fall in an open period.</span>
          </label>
          {problem}
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !effective}>
            {busy ? 'Publishing…' : 'Publish'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
