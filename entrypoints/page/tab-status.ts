// The tab's status for the extension's popup, told to the background only when it changes. The content
// script gives it to its PageSession; the widget, which has no popup, does not carry it.

import type { Role } from '../../rules/policy/schema';
import type { SiteProfile } from '../../sites/profile';
import type { Send, TabStatus } from '../../storage/messages';
import type { RegisterView } from './register-view';

/** Told the page's profile, register view and pupil count whenever they may have changed. */
export type TellStatus = (profile: SiteProfile | null, view: RegisterView | null, pupils: number, role: Role | undefined) => void;

/** site: the page's origin, where a role chosen in the popup is kept. */
export function tabStatusTeller(send: Send, site = ''): TellStatus {
  let told = '';
  return (profile, view, pupils, role) => {
    const figures = view?.tabFigures();
    const status: TabStatus = {
      site,
      role: role ?? null,
      profileRole: profile?.role ?? null,
      profileId: profile?.id ?? null,
      profileName: profile?.name ?? null,
      verified: profile?.verified ?? true,
      registerFound: view !== null,
      pupils,
      findings: figures?.findings ?? 0,
      errors: figures?.errors ?? 0,
      problems: figures?.problems.slice(0, 3) ?? [],
    };
    const text = JSON.stringify(status);
    if (text === told) return;
    told = text;
    void send({ type: 'tab-status', status }).catch(() => {});
  };
}
