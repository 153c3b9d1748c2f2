// Step 3: one line per canonical column with the file column it comes from, sample values beside
// each choice, the file's ignored columns, the date format, and "Save as named mapping…".
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import {
  type Choices,
  DERIVED,
  deriveSources,
  ignoredHeaders,
  missingRequired,
  sampleValues,
} from './mapping-choices.ts';
import { DATE_FORMATS, type DateFormat, type Entity, type EntityColumn, type Mapping, type Upload } from './types.ts';

const dateExamples: Record<DateFormat, string> = {
  'YYYY-MM-DD': '2026-03-31',
  'MM/DD/YYYY': '3/31/2026',
  'DD/MM/YYYY': '31/3/2026',
};

export function MappingStep({
  entity,
  upload,
  mapping,
  choices,
  onChoice,
  onDateFormat,
  onSave,
  savedName,
}: {
  entity: Entity;
  upload: Upload;
  /** The mapping as the screen now shows it (choices and date format applied). */
  mapping: Mapping;
  choices: Choices;
  onChoice: (column: string, header: string) => void;
  onDateFormat: (format: DateFormat | undefined) => void;
  onSave: (name: string) => Promise<void>;
  savedName: string;
}) {
  const ignored = ignoredHeaders(upload.headers, choices, mapping);
  const missing = missingRequired(entity.columns, choices, mapping);
  const hasDates = entity.columns.some((column) => column.kind === 'date');

  return (
    <div className="mapping-step">
      <div className="data-table">
        <div className="data-table__scroll">
          <table className="mapping-table" data-testid="mapping">
            <thead>
              <tr>
                <th scope="col">Attain column</th>
                <th scope="col">From the file’s column</th>
                <th scope="col">Sample values from the file</th>
              </tr>
            </thead>
            <tbody>
              {entity.columns.map((column) => (
                <MappingLine
                  key={column.name}
                  column={column}
                  upload={upload}
                  mapping={mapping}
                  choice={choices[column.name] ?? ''}
                  missing={missing.includes(column.name)}
                  onChoice={(header) => onChoice(column.name, header)}
                />
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="mapping-step__footer">
        <div className="mapping-step__ignored" data-testid="ignored-columns">
          <strong>Ignored columns:</strong>{' '}
          {ignored.length === 0 ? (
            <span className="muted">none — every column of the file is used.</span>
          ) : (
            ignored.map((header) => (
              <span key={header} className="chip">
                {header}
              </span>
            ))
          )}
        </div>
        {hasDates && (
          <label className="field field--inline">
            <span>Dates in the file are written as</span>
            <select
              value={mapping.dateFormat ?? ''}
              onChange={(event) => onDateFormat((event.target.value || undefined) as DateFormat | undefined)}
            >
              <option value="">Not set (YYYY-MM-DD)</option>
              {DATE_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {format} — {dateExamples[format]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {missing.length > 0 && (
        <p className="notice" role="status">
          Required {missing.length === 1 ? 'column' : 'columns'} without a source: {missing.join(', ')}. Every row will
          be rejected until {missing.length === 1 ? 'it comes' : 'they come'} from a column of the file.
        </p>
      )}
      <SaveMapping savedName={savedName} onSave={onSave} />
    </div>
  );
}

function MappingLine({
  column,
  upload,
  mapping,
  choice,
  missing,
  onChoice,
}: {
  column: EntityColumn;
  upload: Upload;
  mapping: Mapping;
  choice: string;
  missing: boolean;
  onChoice: (header: string) => void;
}) {
  const derivedFrom = deriveSources(mapping, column.name);
  const fallback = mapping.defaults?.[column.name];
  return (
    <tr className={missing ? 'mapping-table__missing' : undefined}>
      <th scope="row">
        <span className="cell-stack">
          <span>
            <code className="column-name">{column.name}</code>
            {column.required && <span className="pill pill--required">required</span>}
          </span>
          <span className="muted column-kind">{kindHint(column)}</span>
        </span>
      </th>
      <td>
        <select
          className="mapping-select"
          value={choice}
          onChange={(event) => onChoice(event.target.value)}
          aria-label={`File column for ${column.name}`}
        >
          <option value="">— not imported —</option>
          {derivedFrom.length > 0 && <option value={DERIVED}>Derived from {derivedFrom.join(' + ')}</option>}
          {upload.headers.map((header) => (
            <option key={header} value={header}>
              {header}
            </option>
          ))}
        </select>
        {fallback !== undefined && <span className="muted mapping-default">when blank: {fallback}</span>}
      </td>
      <td className="samples">{samplesOf(column.name, choice, upload, mapping)}</td>
    </tr>
  );
}

/** The first values the choice gives, with what the mapping's value map turns them into. */
function samplesOf(column: string, choice: string, upload: Upload, mapping: Mapping) {
  if (choice === '') return <span className="muted">—</span>;
  const from = choice === DERIVED ? deriveSources(mapping, column) : [choice];
  const joined = upload.sample.map((record) => ({
    value: from.map((header) => record[header]?.trim() ?? '').join('|'),
  }));
  const values = sampleValues(joined, 'value');
  if (values.length === 0) return <span className="muted">blank in the first rows</span>;
  const valueMap = mapping.values?.[column] ?? {};
  return values.map((value) => (
    <span key={value} className="sample">
      {value}
      {valueMap[value] !== undefined && valueMap[value] !== value && (
        <span className="muted"> → {valueMap[value]}</span>
      )}
    </span>
  ));
}

function kindHint(column: EntityColumn): string {
  switch (column.kind) {
    case 'date':
      return 'a date';
    case 'money':
      return 'an amount';
    case 'decimal':
      return 'a number';
    case 'integer':
      return 'a whole number';
    case 'currency':
      return 'a currency code, e.g. USD';
    case 'enum':
      return column.values ? `one of ${column.values.join(', ')}` : 'a fixed value';
    case 'reference':
      return `the ID or exact name of ${column.references ?? 'a record'}`;
    default:
      return 'text';
  }
}

function SaveMapping({ savedName, onSave }: { savedName: string; onSave: (name: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(savedName);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    setState({ kind: 'saving' });
    try {
      await onSave(name.trim());
      setState({ kind: 'saved' });
      setOpen(false);
    } catch (error) {
      setState({ kind: 'error', message: error instanceof ApiError ? error.message : 'Could not save the mapping.' });
    }
  }

  if (!open) {
    return (
      <div className="save-mapping">
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Save as named mapping…
        </button>
        {state.kind === 'saved' && (
          <span className="save-mapping__done" role="status">
            Saved as “{name.trim()}”. Pick it under “Start the mapping from” next time.
          </span>
        )}
      </div>
    );
  }
  return (
    <form className="save-mapping" onSubmit={save}>
      <label className="field field--inline">
        <span>Mapping name</span>
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="e.g. Salesforce weekly pipeline"
          required
          maxLength={120}
          // biome-ignore lint/a11y/noAutofocus: the user just asked to name the mapping.
          autoFocus
        />
      </label>
      <button type="submit" className="button button--primary" disabled={state.kind === 'saving' || !name.trim()}>
        {state.kind === 'saving' ? 'Saving…' : 'Save'}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <span className="muted">A mapping with the same name is replaced.</span>
      {state.kind === 'error' && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
