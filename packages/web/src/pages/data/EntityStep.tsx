// Step 2: what the file holds (one entity of DESIGN §4), and what to start the mapping from: a
// guess from the headers, a Salesforce or HubSpot preset, or a mapping saved earlier.
import { useApi } from '../../api/useApi.ts';
import type { Entity, Preset, SavedMapping } from './types.ts';

export type StartFrom = { kind: 'guess' } | { kind: 'preset'; preset: Preset } | { kind: 'saved'; saved: SavedMapping };

const presets: { preset: Preset; label: string }[] = [
  { preset: 'salesforce', label: 'Salesforce report export' },
  { preset: 'hubspot', label: 'HubSpot export' },
];

export function EntityStep({
  entities,
  entity,
  startFrom,
  onEntity,
  onStartFrom,
}: {
  entities: Entity[];
  entity: string | null;
  startFrom: StartFrom;
  onEntity: (entity: string) => void;
  onStartFrom: (startFrom: StartFrom) => void;
}) {
  return (
    <div className="entity-step">
      <fieldset className="entity-choices">
        <legend className="visually-hidden">What does the file hold?</legend>
        {entities.map((choice) => {
          const required = choice.columns.filter((column) => column.required).map((column) => column.name);
          return (
            <label key={choice.name} className="entity-choice">
              <input
                type="radio"
                name="entity"
                value={choice.name}
                checked={entity === choice.name}
                onChange={() => onEntity(choice.name)}
              />
              <span className="entity-choice__text">
                <strong>{choice.label}</strong>
                <span className="muted">
                  {required.length > 0 ? `Needs ${required.join(', ')}` : `${choice.columns.length} columns`}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>
      {entity && <StartFromChoice entity={entity} startFrom={startFrom} onStartFrom={onStartFrom} />}
    </div>
  );
}

function StartFromChoice({
  entity,
  startFrom,
  onStartFrom,
}: {
  entity: string;
  startFrom: StartFrom;
  onStartFrom: (startFrom: StartFrom) => void;
}) {
  const [answer] = useApi<{ mappings: SavedMapping[] }>(`/api/data/mappings?entity=${encodeURIComponent(entity)}`);
  const saved = answer.state === 'ready' ? answer.value.mappings.filter((mapping) => mapping.entity === entity) : [];
  const value =
    startFrom.kind === 'guess'
      ? 'guess'
      : startFrom.kind === 'preset'
        ? `preset:${startFrom.preset}`
        : `saved:${startFrom.saved.id}`;

  function choose(choice: string) {
    const [kind, key] = choice.split(/:(.*)/s);
    if (kind === 'preset') onStartFrom({ kind: 'preset', preset: key as Preset });
    const mapping = saved.find((candidate) => candidate.id === key);
    if (kind === 'saved' && mapping) onStartFrom({ kind: 'saved', saved: mapping });
    if (kind === 'guess') onStartFrom({ kind: 'guess' });
  }

  return (
    <label className="field field--inline">
      <span>Start the mapping from</span>
      <select value={value} onChange={(event) => choose(event.target.value)}>
        <option value="guess">A guess from the file’s column names</option>
        <optgroup label="Presets">
          {presets.map((option) => (
            <option key={option.preset} value={`preset:${option.preset}`}>
              {option.label}
            </option>
          ))}
        </optgroup>
        {saved.length > 0 && (
          <optgroup label="Saved mappings">
            {saved.map((mapping) => (
              <option key={mapping.id} value={`saved:${mapping.id}`}>
                {mapping.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {answer.state === 'loading' && <span className="muted">Loading saved mappings…</span>}
      {answer.state === 'error' && <span className="muted">Saved mappings could not be loaded.</span>}
    </label>
  );
}
