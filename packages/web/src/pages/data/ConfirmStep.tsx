// Step 5: all or nothing, or the valid rows only (DESIGN §3: bad input never half-lands unless
// asked); the as-of date; then the import and its result, with the rejected rows to download.
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { formatCount } from '../../components/format.ts';
import { DownloadIcon } from '../../components/icons.tsx';
import { Link } from '../../components/Link.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { ImportCounts, ImportIssuesTable } from './ImportIssues.tsx';
import type { ImportIssue, ImportRequest, ImportResult, ImportSummary } from './types.ts';

type Run =
  | { state: 'choosing' }
  | { state: 'running' }
  | { state: 'done'; result: ImportResult }
  | { state: 'rejected'; error: ApiError; issues: ImportIssue[]; total: number }
  | { state: 'failed'; error: ApiError };

export function ConfirmStep({
  uploadId,
  request,
  dryRun,
  onAnotherFile,
  onBack,
}: {
  uploadId: string;
  request: ImportRequest;
  dryRun: ImportSummary;
  onAnotherFile: () => void;
  onBack: () => void;
}) {
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [asOf, setAsOf] = useState(localToday);
  const [run, setRun] = useState<Run>({ state: 'choosing' });
  const valid = dryRun.rows - dryRun.rejected;

  async function start(event: FormEvent) {
    event.preventDefault();
    setRun({ state: 'running' });
    try {
      const result = await api<ImportResult>(`/api/data/uploads/${encodeURIComponent(uploadId)}/import`, {
        method: 'POST',
        body: { ...request, asOf, skipInvalid },
      });
      setRun({ state: 'done', result });
    } catch (cause) {
      const error = cause instanceof ApiError ? cause : new ApiError(0, 'UNEXPECTED', 'The import failed. Try again.');
      const details = error.details as { errors?: ImportIssue[]; total?: number } | undefined;
      if (error.code === 'IMPORT_INVALID' && Array.isArray(details?.errors)) {
        setRun({ state: 'rejected', error, issues: details.errors, total: details.total ?? details.errors.length });
      } else setRun({ state: 'failed', error });
    }
  }

  if (run.state === 'running') {
    return <ProgressBar testId="import-progress" label={`Importing ${formatCount(dryRun.rows)} rows…`} />;
  }
  if (run.state === 'done') return <ImportDone result={run.result} asOf={asOf} onAnotherFile={onAnotherFile} />;

  return (
    <form className="confirm-step" onSubmit={start}>
      <fieldset className="import-modes">
        <legend>If some rows are invalid</legend>
        <label className="import-mode">
          <input type="radio" name="mode" checked={!skipInvalid} onChange={() => setSkipInvalid(false)} />
          <span>
            <strong>Import all or nothing</strong>
            <span className="muted">
              {dryRun.rejected > 0
                ? `The dry run rejects ${formatCount(dryRun.rejected)} rows, so nothing would be written.`
                : 'Every row must be valid, or nothing is written.'}
            </span>
          </span>
        </label>
        <label className="import-mode">
          <input type="radio" name="mode" checked={skipInvalid} onChange={() => setSkipInvalid(true)} />
          <span>
            <strong>Import valid rows, skip the rest</strong>
            <span className="muted">
              {formatCount(valid)} valid rows land; the rejected rows come back as a CSV with the reason for each.
            </span>
          </span>
        </label>
      </fieldset>
      <label className="field field--inline">
        <span>As of</span>
        <input type="date" value={asOf} required onChange={(event) => setAsOf(event.target.value)} />
        <span className="muted">Changes take effect on this date; opportunities keep a snapshot for it.</span>
      </label>
      {run.state === 'rejected' && (
        <div className="import-rejected" role="alert">
          <p className="form-error">
            {run.error.message} <code className="error-code">{run.error.code}</code>
          </p>
          <ImportIssuesTable
            testId="import-errors"
            issues={run.issues}
            total={run.total}
            exportName={`${request.entity}-import-errors`}
          />
        </div>
      )}
      {run.state === 'failed' && (
        <p className="form-error" role="alert">
          {run.error.message} <code className="error-code">{run.error.code}</code>
        </p>
      )}
      <div className="step-actions">
        <button type="button" className="button button--ghost" onClick={onBack}>
          ← Back to the preview
        </button>
        <button type="submit" className="button button--primary" disabled={!asOf}>
          {skipInvalid ? `Import ${formatCount(valid)} valid rows` : `Import all ${formatCount(dryRun.rows)} rows`}
        </button>
      </div>
    </form>
  );
}

function ImportDone({
  result,
  asOf,
  onAnotherFile,
}: {
  result: ImportResult;
  asOf: string;
  onAnotherFile: () => void;
}) {
  const { summary } = result;
  return (
    <div className="import-done" data-testid="import-result">
      <div className={`dry-run ${summary.rejected > 0 ? 'dry-run--rejects' : 'dry-run--clean'}`}>
        <h3>Imported as of {asOf}</h3>
        <ImportCounts summary={summary} testId="import-counts" />
      </div>
      {result.rejectedUrl && (
        <a className="button button--secondary" href={result.rejectedUrl} download data-testid="rejected-rows">
          <DownloadIcon /> Download the {formatCount(summary.rejected)} rejected rows (CSV)
        </a>
      )}
      {result.issueCount > 0 && (
        <ImportIssuesTable
          testId="import-issues"
          issues={result.issues}
          total={result.issueCount}
          exportName="import-rejected-rows"
        />
      )}
      <div className="step-actions">
        <button type="button" className="button button--primary" onClick={onAnotherFile}>
          Import another file
        </button>
        <Link to="/data/quality" className="button button--secondary">
          Check data quality
        </Link>
      </div>
    </div>
  );
}

function localToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
