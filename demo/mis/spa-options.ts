// The single-page-app register's dropdown (Arbor-like): option text is the code's
// name, never the code, and option values are opaque numbers. The built-in profile
// (sites/builtin/demo.ts) maps the names back to codes with its own table, which
// these options are drawn from.

import type { SessionName } from '../../rules/codes';
import { DEMO_SPA_OPTION_NAMES } from '../../sites/builtin/demo';

/** Option text → DfE code, for every option the demo SPA can show: the built-in profile's own table (the demo draws from the product). */
export const SPA_OPTION_NAMES: Readonly<Record<string, string>> = DEMO_SPA_OPTION_NAMES;

export interface SpaOption {
  /** Opaque number, as Arbor's generated ids. */
  value: string;
  name: string;
  code: string;
}

const ALL: readonly SpaOption[] = Object.entries(SPA_OPTION_NAMES).map(([name, code], i) => ({
  value: String(101 + i * 3),
  name,
  code,
}));

const LEGACY = new Set(['H']);

/** The options of a session's dropdown: every 2024 code, with that session's present mark only. */
export function spaOptionsFor(session: SessionName): SpaOption[] {
  return ALL.filter((o) => !LEGACY.has(o.code) && o.code !== (session === 'AM' ? '\\' : '/'));
}

/** The option for a recorded mark, legacy ones included; undefined for a code the SPA has no name for. */
export function spaOptionForCode(code: string): SpaOption | undefined {
  return ALL.find((o) => o.code === code);
}

export function spaOptionForValue(value: string): SpaOption | undefined {
  return ALL.find((o) => o.value === value);
}
