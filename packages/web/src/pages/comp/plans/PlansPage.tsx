// The plan editor (docs/compensation.md "Plan editor and estimator"): the plans and their versions,
// the YAML checked as you type (problems by line, the lines marked), a live preview on a real
// payee, and Save as new version for operations. Plans are never edited in place (DESIGN §6).
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../../api/client.ts';
import type { Me } from '../../../api/types.ts';
import { useApi } from '../../../api/useApi.ts';
import { Card } from '../../../components/Card.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ErrorState, Loading } from '../../../components/StatusViews.tsx';
import { PlanEditor, ProblemList } from './PlanEditor.tsx';
import { PlanPreview } from './PlanPreview.tsx';
import type { PlanListItem, PlanVersion, Preview, Validation } from './types.ts';
import './plans.css';

const NEW_PLAN = `id: new-plan
name: New plan
currency: USD
payPeriod: month
quotaPeriod: year
components:
  - id: commission
    kind: rate-table
    input: attainment
    tiers:
      - { from: 0, to: 1.0, rate: 0.08 }
      - { from: 1.0, rate: 0.12 }
`;

interface PersonRow {
  externalId: string;
  name: string;
  jobRole: string | null;
}

/** Waits until `value` has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function PlansPage({ me }: { me: Me }) {
  const canSave = me.role === 'admin' || me.role === 'ops';
  const [plans, reloadPlans] = useApi<{ plans: PlanListItem[] }>('/api/plans');
  const [planId, setPlanId] = useState<string | null>(null);
  const [versions, setVersions] = useState<PlanVersion[]>([]);
  const [assignees, setAssignees] = useState<{ externalId: string; name: string }[]>([]);
  const [shownVersion, setShownVersion] = useState<number | null>(null);
  const [text, setText] = useState(NEW_PLAN);
  const [validation, setValidation] = useState<Validation | null>(null);
  const [person, setPerson] = useState(me.person?.externalId ?? '');
  const [period, setPeriod] = useState('');
  const [preview, setPreview] = useState<
    { state: 'idle' | 'loading' } | { state: 'ready'; value: Preview } | { state: 'error'; error: ApiError }
  >({
    state: 'idle',
  });
  const [validFrom, setValidFrom] = useState('');
  const [saved, setSaved] = useState<{ tone: 'ok' | 'error'; message: string } | null>(null);
  const [people] = useApi<{ rows: PersonRow[] }>(me.role === 'rep' ? '/api/people?limit=1' : '/api/people?limit=1000');

  // Open the first plan once the list arrives.
  useEffect(() => {
    if (planId === null && plans.state === 'ready' && plans.value.plans[0]) setPlanId(plans.value.plans[0].id);
  }, [plans, planId]);

  useEffect(() => {
    if (planId === null) return;
    const controller = new AbortController();
    api<{ versions: PlanVersion[]; assignees: { externalId: string; name: string }[] }>(
      `/api/plans/${encodeURIComponent(planId)}`,
      { signal: controller.signal },
    ).then(
      (answer) => {
        setVersions(answer.versions);
        setAssignees(answer.assignees);
        // Preview on someone who is on this plan, unless you are a rep (then it is you).
        const first = answer.assignees[0];
        if (first && me.role !== 'rep') {
          setPerson((current) => (answer.assignees.some((a) => a.externalId === current) ? current : first.externalId));
        }
        const latest = answer.versions.at(-1);
        if (latest) {
          setText(latest.source);
          setShownVersion(latest.version);
        }
      },
      () => {},
    );
    return () => controller.abort();
  }, [planId, me.role]);

  // A payee to preview on: yourself, else the first rep you may see.
  useEffect(() => {
    if (person !== '' || people.state !== 'ready') return;
    const rows = people.value.rows;
    const first = rows.find((p) => p.jobRole === 'rep') ?? rows[0];
    if (first) setPerson(first.externalId);
  }, [people, person]);

  const settledText = useSettled(text, 350);
  useEffect(() => {
    const controller = new AbortController();
    api<Validation>('/api/plans/validate', {
      method: 'POST',
      body: { text: settledText },
      signal: controller.signal,
    }).then(setValidation, () => {});
    return () => controller.abort();
  }, [settledText]);

  const valid = validation?.valid === true;
  useEffect(() => {
    if (!valid || person === '') return;
    const controller = new AbortController();
    setPreview({ state: 'loading' });
    api<Preview>('/api/plans/preview', {
      method: 'POST',
      body: { text: settledText, person, ...(period.trim() ? { period: period.trim() } : {}) },
      signal: controller.signal,
    }).then(
      (value) => setPreview({ state: 'ready', value }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setPreview({
          state: 'error',
          error: error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', 'The preview failed.'),
        });
      },
    );
    return () => controller.abort();
  }, [valid, settledText, person, period]);

  async function save() {
    setSaved(null);
    try {
      const answer = await api<{ created: boolean; id: string; version: number }>('/api/plans', {
        method: 'POST',
        body: { text, ...(validFrom ? { validFrom } : {}) },
      });
      setSaved({
        tone: 'ok',
        message: answer.created
          ? `Saved ${answer.id} version ${answer.version}.`
          : `Nothing to save: this is ${answer.id} version ${answer.version} already.`,
      });
      reloadPlans();
      if (answer.id === planId) {
        const refreshed = await api<{ versions: PlanVersion[] }>(`/api/plans/${encodeURIComponent(answer.id)}`);
        setVersions(refreshed.versions);
        setShownVersion(answer.version);
      } else {
        setPlanId(answer.id);
      }
    } catch (error) {
      setSaved({ tone: 'error', message: error instanceof ApiError ? error.message : 'Saving failed.' });
    }
  }

  function showVersion(version: number) {
    const found = versions.find((v) => v.version === version);
    if (found) {
      setText(found.source);
      setShownVersion(version);
    }
  }

  function focusLine(line: number) {
    const area = document.querySelector<HTMLTextAreaElement>('.plan-editor__text');
    if (!area) return;
    const start =
      text
        .split('\n')
        .slice(0, line - 1)
        .join('\n').length + (line > 1 ? 1 : 0);
    area.focus();
    area.setSelectionRange(start, start + (text.split('\n')[line - 1]?.length ?? 0));
  }

  const problems = validation && !validation.valid ? validation.problems : [];
  const edited = versions.find((v) => v.version === shownVersion)?.source !== text;

  return (
    <div className="plans-page" data-testid="plans-page">
      <PageHeader
        title="Compensation plans"
        summary="Plans as YAML: checked as you type, previewed on a real payee, saved as a new version."
      />
      <div className="plans-layout">
        <Card title="Plans" className="plans-list">
          {plans.state === 'loading' && <Loading />}
          {plans.state === 'error' && <ErrorState error={plans.error} onRetry={reloadPlans} />}
          {plans.state === 'ready' && (
            <ul className="plans-list__items" data-testid="plan-list">
              {plans.value.plans.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className={p.id === planId ? 'plans-list__item plans-list__item--active' : 'plans-list__item'}
                    aria-current={p.id === planId ? 'true' : undefined}
                    onClick={() => setPlanId(p.id)}
                  >
                    <strong>{p.name}</strong>
                    <span className="muted">
                      <code>{p.id}</code> · v{p.version} of {p.versions} · {p.currency}
                      {p.validFrom > '1900-01-01' ? ` · from ${p.validFrom}` : ''}
                    </span>
                  </button>
                </li>
              ))}
              {plans.value.plans.length === 0 && <li className="muted">No plans yet.</li>}
            </ul>
          )}
          {canSave && (
            <button
              type="button"
              className="button button--secondary button--wide"
              onClick={() => {
                setPlanId(null);
                setVersions([]);
                setShownVersion(null);
                setText(NEW_PLAN);
              }}
            >
              New plan
            </button>
          )}
        </Card>

        <Card
          title={validation?.valid ? validation.plan.name : 'Plan'}
          subtitle={
            validation?.valid
              ? `${validation.plan.id} · ${validation.plan.currency} · paid per ${validation.plan.payPeriod}, quota per ${validation.plan.quotaPeriod}`
              : undefined
          }
          actions={
            versions.length > 0 && (
              <label className="field field--inline">
                <span className="muted">Version</span>
                <select value={shownVersion ?? ''} onChange={(e) => showVersion(Number(e.target.value))}>
                  {versions.map((v) => (
                    <option key={v.version} value={v.version}>
                      v{v.version} · {v.validFrom > '1900-01-01' ? `from ${v.validFrom}` : 'always'}
                    </option>
                  ))}
                </select>
              </label>
            )
          }
          className="plans-editor"
        >
          <PlanEditor text={text} onChange={setText} problems={problems} />
          <div className="plan-status" data-testid="plan-status" aria-live="polite">
            {validation === null || settledText !== text ? (
              <span className="muted">Checking…</span>
            ) : validation.valid ? (
              <span className="plan-status__ok">
                ✓ Valid plan: {validation.plan.components.map((c) => c.id).join(', ')}
              </span>
            ) : (
              <span className="plan-status__error">
                {validation.problems.length} problem{validation.problems.length === 1 ? '' : 's'}
              </span>
            )}
          </div>
          {problems.length > 0 && <ProblemList problems={problems} onPick={focusLine} />}
          {canSave && (
            <div className="plan-save">
              <label className="field field--inline">
                <span>In force from</span>
                <input
                  type="date"
                  value={validFrom}
                  onChange={(e) => setValidFrom(e.target.value)}
                  aria-label="In force from"
                />
              </label>
              <button type="button" className="button button--primary" disabled={!valid || !edited} onClick={save}>
                Save as new version
              </button>
              {saved && (
                <span
                  className={saved.tone === 'ok' ? 'plan-status__ok' : 'plan-status__error'}
                  data-testid="plan-saved"
                >
                  {saved.message}
                </span>
              )}
            </div>
          )}
        </Card>

        <Card
          title="Preview"
          subtitle="This text on a payee's real credits, quota and target incentive"
          className="plans-preview"
          actions={
            <div className="plan-preview__pickers">
              <label className="field field--inline">
                <span className="muted">Payee</span>
                <select aria-label="Payee" value={person} onChange={(e) => setPerson(e.target.value)}>
                  {assignees.length > 0 && (
                    <optgroup label="On this plan">
                      {assignees.map((p) => (
                        <option key={p.externalId} value={p.externalId}>
                          {p.name} ({p.externalId})
                        </option>
                      ))}
                    </optgroup>
                  )}
                  <optgroup label="Everyone">
                    {people.state === 'ready' &&
                      people.value.rows
                        .filter((p) => !assignees.some((a) => a.externalId === p.externalId))
                        .map((p) => (
                          <option key={p.externalId} value={p.externalId}>
                            {p.name} ({p.externalId})
                          </option>
                        ))}
                  </optgroup>
                </select>
              </label>
              <label className="field field--inline">
                <span className="muted">Quota period</span>
                <input
                  aria-label="Quota period"
                  placeholder="current"
                  value={period}
                  onChange={(e) => setPeriod(e.target.value)}
                  size={8}
                />
              </label>
            </div>
          }
        >
          {!valid && <p className="muted">Fix the plan to see the preview.</p>}
          {valid && preview.state === 'loading' && <Loading label="Running the plan…" />}
          {valid && preview.state === 'error' && (
            <div className="status-view status-view--error" role="alert">
              <strong>The plan cannot pay this payee.</strong>
              <span>{preview.error.message}</span>
              <code className="error-code">{preview.error.code}</code>
            </div>
          )}
          {valid && preview.state === 'ready' && <PlanPreview preview={preview.value} />}
        </Card>
      </div>
    </div>
  );
}
