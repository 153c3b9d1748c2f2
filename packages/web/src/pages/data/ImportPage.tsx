// The import, step by step (issue 3): upload, what the file holds, the columns, a preview from a
// dry run over the whole file, then the import. The import repeats the request of the last dry run.
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Card } from '../../components/Card.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { ErrorState, Loading } from '../../components/StatusViews.tsx';
import { ConfirmStep } from './ConfirmStep.tsx';
import { EntityStep, type StartFrom } from './EntityStep.tsx';
import { MappingStep } from './MappingStep.tsx';
import { type Choices, choicesFrom, mappingFrom, usedMapping } from './mapping-choices.ts';
import { PreviewStep } from './PreviewStep.tsx';
import type { DateFormat, EntitiesAnswer, ImportRequest, Preview, Upload } from './types.ts';
import { FileLine, UploadStep } from './UploadStep.tsx';

const steps = [
  { key: 'upload', label: 'Upload', title: 'Upload a file', subtitle: 'CSV (comma, semicolon or tab) or XLSX' },
  {
    key: 'entity',
    label: 'What it holds',
    title: 'What does the file hold?',
    subtitle: 'The kind of records, and where the column mapping starts from',
  },
  {
    key: 'columns',
    label: 'Columns',
    title: 'Match the columns',
    subtitle: 'Where each Attain column comes from in the file. Change any choice.',
  },
  { key: 'preview', label: 'Preview', title: 'Preview', subtitle: 'A dry run over the whole file' },
  { key: 'import', label: 'Import', title: 'Import', subtitle: 'Write the rows to Attain' },
] as const;
type Step = (typeof steps)[number]['key'];

type DryRun = { state: 'idle' } | { state: 'running' } | { state: 'failed'; error: ApiError };

export function ImportPage({ csrfToken }: { csrfToken: string }) {
  const [entities, reloadEntities] = useApi<EntitiesAnswer>('/api/data/entities');
  const [step, setStep] = useState<Step>('upload');
  const [upload, setUpload] = useState<Upload | null>(null);
  const [entityName, setEntityName] = useState<string | null>(null);
  const [startFrom, setStartFrom] = useState<StartFrom>({ kind: 'guess' });
  const [checked, setChecked] = useState<{ request: ImportRequest; preview: Preview } | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [dateFormat, setDateFormat] = useState<DateFormat | undefined>();
  const [edited, setEdited] = useState(false);
  const [dryRun, setDryRun] = useState<DryRun>({ state: 'idle' });
  const pending = useRef<AbortController | null>(null);

  useEffect(() => () => pending.current?.abort(), []);

  if (entities.state === 'loading') return <Loading label="Loading the kinds of records…" />;
  if (entities.state === 'error') return <ErrorState error={entities.error} onRetry={reloadEntities} />;

  const entity = entities.value.entities.find((candidate) => candidate.name === entityName);
  const mapping = checked && mappingFrom(usedMapping(checked.preview), choices, dateFormat);
  const current = steps.findIndex((candidate) => candidate.key === step);
  const { title, subtitle } = steps[current] ?? steps[0];

  async function runDryRun(request: ImportRequest, next: Step) {
    if (!upload || !entity) return;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setDryRun({ state: 'running' });
    try {
      const preview = await api<Preview>(`/api/data/uploads/${encodeURIComponent(upload.uploadId)}/preview`, {
        method: 'POST',
        body: request,
        signal: controller.signal,
      });
      setChecked({ request, preview });
      setChoices(choicesFrom(preview, entity.columns, upload.headers));
      setDateFormat(preview.mapping.dateFormat);
      setEdited(false);
      setDryRun({ state: 'idle' });
      setStep(next);
    } catch (error) {
      if (controller.signal.aborted) return;
      setDryRun({
        state: 'failed',
        error: error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED', 'The dry run failed. Try again.'),
      });
    }
  }

  function startRequest(name: string): ImportRequest {
    if (startFrom.kind === 'preset') return { entity: name, preset: startFrom.preset };
    if (startFrom.kind === 'saved') return { entity: name, mapping: { ...startFrom.saved.mapping, entity: name } };
    return { entity: name };
  }

  function goTo(next: Step) {
    pending.current?.abort();
    setDryRun({ state: 'idle' });
    setStep(next);
  }

  function startOver() {
    goTo('upload');
    setUpload(null);
    setEntityName(null);
    setStartFrom({ kind: 'guess' });
    setChecked(null);
  }

  async function saveMapping(name: string) {
    if (!mapping) return;
    await api<{ id: string; name: string }>('/api/data/mappings', {
      method: 'POST',
      body: { name, entity: mapping.entity, mapping },
    });
  }

  const running = dryRun.state === 'running';
  let body: ReactNode = null;
  let actions: ReactNode = null;
  if (step === 'upload' || !upload) {
    body = (
      <UploadStep
        csrfToken={csrfToken}
        onUploaded={(uploaded) => {
          setUpload(uploaded);
          setChecked(null);
          goTo('entity');
        }}
      />
    );
  } else if (step === 'entity' || !entity || !checked || !mapping) {
    body = (
      <EntityStep
        entities={entities.value.entities}
        entity={entityName}
        startFrom={startFrom}
        onEntity={(name) => {
          setEntityName(name);
          if (startFrom.kind === 'saved') setStartFrom({ kind: 'guess' });
        }}
        onStartFrom={setStartFrom}
      />
    );
    actions = (
      <>
        <button type="button" className="button button--ghost" onClick={startOver} disabled={running}>
          ← Choose another file
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!entity || running}
          onClick={() => entity && runDryRun(startRequest(entity.name), 'columns')}
        >
          Match the columns →
        </button>
      </>
    );
  } else if (step === 'columns') {
    body = (
      <MappingStep
        entity={entity}
        upload={upload}
        mapping={mapping}
        choices={choices}
        onChoice={(column, header) => {
          setChoices((previous) => ({ ...previous, [column]: header }));
          setEdited(true);
        }}
        onDateFormat={(format) => {
          setDateFormat(format);
          setEdited(true);
        }}
        onSave={saveMapping}
        savedName={startFrom.kind === 'saved' ? startFrom.saved.name : ''}
      />
    );
    actions = (
      <>
        <button type="button" className="button button--ghost" onClick={() => goTo('entity')} disabled={running}>
          ← Back
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={running}
          onClick={() => (edited ? runDryRun({ entity: entity.name, mapping }, 'preview') : goTo('preview'))}
        >
          Preview →
        </button>
      </>
    );
  } else if (step === 'preview') {
    body = <PreviewStep entity={entity} preview={checked.preview} />;
    actions = (
      <>
        <button type="button" className="button button--ghost" onClick={() => goTo('columns')}>
          ← Change the columns
        </button>
        <button type="button" className="button button--primary" onClick={() => goTo('import')}>
          Continue to import →
        </button>
      </>
    );
  } else {
    body = (
      <ConfirmStep
        uploadId={upload.uploadId}
        request={checked.request}
        dryRun={checked.preview.summary}
        onAnotherFile={startOver}
        onBack={() => goTo('preview')}
      />
    );
  }

  return (
    <>
      <ol className="steps" aria-label="Import steps">
        {steps.map((candidate, index) => (
          <li
            key={candidate.key}
            className={`steps__step ${index < current ? 'steps__step--done' : ''}`}
            aria-current={index === current ? 'step' : undefined}
          >
            <span className="steps__number">{index < current ? '✓' : index + 1}</span>
            {candidate.label}
          </li>
        ))}
      </ol>
      <Card
        title={title}
        subtitle={subtitle}
        testId={`import-step-${step}`}
        actions={
          upload &&
          step !== 'upload' && <FileLine name={upload.fileName} size={upload.size} columns={upload.headers.length} />
        }
      >
        {body}
        {running && (
          <ProgressBar testId="dry-run-progress" label="Dry run: reading and checking every row of the file…" />
        )}
        {dryRun.state === 'failed' && (
          <p className="form-error" role="alert">
            {dryRun.error.message} <code className="error-code">{dryRun.error.code}</code>
          </p>
        )}
        {actions && <div className="step-actions">{actions}</div>}
      </Card>
    </>
  );
}
