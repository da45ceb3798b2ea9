// The built-in presets. Each number in a preset cites its seed file.

import { parsePolicy, type Policy, type PolicyInput } from '../policy/schema';
import { dfe } from './dfe';
import { highfieldFarm } from './highfield-farm';
import { micklefield } from './micklefield';
import { milefield } from './milefield';
import { valence } from './valence';

export const PRESET_IDS = ['dfe', 'micklefield', 'valence', 'highfield-farm', 'milefield'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

const PRESETS: Readonly<Record<PresetId, PolicyInput>> = {
  dfe,
  micklefield,
  valence,
  'highfield-farm': highfieldFarm,
  milefield,
};

export function isPresetId(text: string): text is PresetId {
  return (PRESET_IDS as readonly string[]).includes(text);
}

/** A preset as written, for export and editing. */
export function presetInput(id: PresetId): PolicyInput {
  return structuredClone(PRESETS[id]);
}

export function presetPolicy(id: PresetId): Policy {
  const result = parsePolicy(PRESETS[id]);
  if (!result.ok) throw new Error(`The built-in preset ${id} is invalid: ${result.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  return result.policy;
}
