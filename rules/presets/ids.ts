// The built-in presets' ids, apart from the presets themselves: the widget lists them without carrying them.

export const PRESET_IDS = ['dfe', 'micklefield', 'valence', 'highfield-farm', 'milefield'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export function isPresetId(text: string): text is PresetId {
  return (PRESET_IDS as readonly string[]).includes(text);
}
