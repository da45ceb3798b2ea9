// The built-in presets. Each number in a preset cites its seed file.

import { parsePolicy, type Policy, type PolicyInput } from '../policy/schema';
import { dfe } from './dfe';
import { highfieldFarm } from './highfield-farm';
import { micklefield } from './micklefield';
import { milefield } from './milefield';
import { valence } from './valence';

import { isPresetId, PRESET_IDS, type PresetId } from './ids';

export { isPresetId, PRESET_IDS, type PresetId };

const PRESETS: Readonly<Record<PresetId, PolicyInput>> = {
  dfe,
  micklefield,
  valence,
  'highfield-farm': highfieldFarm,
  milefield,
};

/** A preset as written, for export and editing. */
export function presetInput(id: PresetId): PolicyInput {
  return structuredClone(PRESETS[id]);
}

export function presetPolicy(id: PresetId): Policy {
  const result = parsePolicy(PRESETS[id]);
  if (!result.ok) throw new Error(`The built-in preset ${id} is invalid: ${result.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
  return result.policy;
}
