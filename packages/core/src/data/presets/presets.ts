// The presets by name (DESIGN §4: `--preset salesforce|hubspot`). Each is an ordinary Mapping,
// applied leniently: a column a given export lacks is skipped rather than an error.
import { AttainError } from '../../errors.ts';
import type { EntityName } from '../entity-columns.ts';
import type { Mapping } from '../mapping-schema.ts';
import { HUBSPOT_PRESET } from './hubspot.ts';
import { SALESFORCE_PRESET } from './salesforce.ts';

export const PRESET_NAMES = ['salesforce', 'hubspot'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const PRESETS: Record<PresetName, Partial<Record<EntityName, Mapping>>> = {
  salesforce: SALESFORCE_PRESET,
  hubspot: HUBSPOT_PRESET,
};

export function presetMapping(preset: PresetName, entity: EntityName): Mapping {
  const mapping = PRESETS[preset]?.[entity];
  if (!mapping) {
    const supported = Object.keys(PRESETS[preset] ?? {}).join(', ');
    throw new AttainError(
      'IMPORT_PRESET_UNSUPPORTED',
      `The ${preset} preset has no mapping for ${entity} (it maps ${supported || 'nothing'}); use --map with a mapping file`,
      { preset, entity },
    );
  }
  return mapping;
}

/** Every preset's mapping for an entity, for the mapping screen's guesses. */
export function presetMappings(entity: EntityName): Mapping[] {
  return PRESET_NAMES.flatMap((name) => PRESETS[name][entity] ?? []);
}
