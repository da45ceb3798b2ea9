// What the components show, as signals the content script (or the widget)
// fills in. Components render these and call the actions; they never query
// the host page themselves.

// signals-core rather than @preact/signals: the content script has a 30 KB budget, and the
// surface re-renders the panel in an effect, so Preact's signals integration is not needed.
import { signal } from '@preact/signals-core';
import type { IsoDate } from '../rules/dates';
import type { Finding } from '../rules/findings';

export interface FindingView {
  readonly finding: Finding;
  /** rule|upn|date|session: the dismissal key. */
  readonly key: string;
  /** Unique on the page where the dismissal key is not (two rows showing one UPN): the key and the cell. */
  readonly id?: string;
  /** Whether the mark's cell is on this page, so Show can scroll to it. */
  readonly onPage: boolean;
  /** Whether a one-click fix is possible here (a suggestion and a writable cell). */
  readonly canFix: boolean;
  /** False where a dismissal cannot be kept apart from another pupil's (two rows showing one UPN). */
  readonly canDismiss?: boolean;
  /** The reason it was dismissed, or null. */
  readonly dismissed: string | null;
}

/** A fix that was accepted: what the cell held before, so it can be undone. */
export interface FixRecord {
  readonly key: string;
  readonly upn: string;
  readonly name: string;
  readonly date: IsoDate;
  readonly session: string;
  readonly from: string;
  readonly to: string;
}

export type PanelStatus = 'reading' | 'ready' | 'not-found' | 'no-profile';

export interface PanelState {
  readonly status: PanelStatus;
  /** For not-found: what was looked for. */
  readonly message: string;
  readonly profileName: string;
  readonly verified: boolean;
  readonly policyName: string;
  readonly today: IsoDate;
  readonly role: 'teacher' | 'office';
  readonly pupils: number;
  /** Most urgent first. */
  readonly items: readonly FindingView[];
  /** What could not be read or checked, said plainly. */
  readonly problems: readonly string[];
  /** Fixes accepted on this page view, newest first. */
  readonly fixes: readonly FixRecord[];
  /** Pupils (their names) whose marks some check could not run on: their findings may be incomplete. */
  readonly unchecked?: readonly string[];
  /** How many marks were read of the cells the site profile found; absent where a page has no marks. */
  readonly marks?: { readonly read: number; readonly cells: number } | null;
}

export interface PanelActions {
  show(view: FindingView): void;
  fix(view: FindingView): void;
  undo(fix: FixRecord): void;
  dismiss(view: FindingView, reason: string): void;
  restore(view: FindingView): void;
  setCollapsed(collapsed: boolean): void;
}

export const EMPTY_PANEL: PanelState = {
  status: 'reading',
  message: '',
  profileName: '',
  verified: true,
  policyName: '',
  today: '1970-01-01',
  role: 'office',
  pupils: 0,
  items: [],
  problems: [],
  fixes: [],
};

export function panelSignals(collapsed: boolean) {
  return { state: signal<PanelState>(EMPTY_PANEL), collapsed: signal(collapsed), current: signal<string | null>(null) };
}

export type PanelSignals = ReturnType<typeof panelSignals>;
