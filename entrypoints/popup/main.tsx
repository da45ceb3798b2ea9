// The popup: what Markwise sees on this tab (which profile, whether the register
// was found, how many findings), and the way to the options page.

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { TabStatus } from '../../storage/messages';
import { profileLabel } from '../../sites/profile-label';
import { NoTermDates } from './no-term-dates';
import { Adjust, NotRunning, popupTab } from './not-running';
import { RoleChoice } from './role-choice';

function Popup() {
  const [status, setStatus] = useState<TabStatus | null | undefined>(undefined);
  const [tab, setTab] = useState<Browser.tabs.Tab | undefined>(undefined);
  useEffect(() => {
    void (async () => {
      const tab = await popupTab();
      setTab(tab);
      if (tab?.id === undefined) return setStatus(null);
      const reply = (await browser.runtime.sendMessage({ type: 'get-tab-status', tabId: tab.id }).catch(() => null)) as { status: TabStatus | null } | null;
      setStatus(reply?.status ?? null);
    })();
  }, []);
  return (
    <>
      <h1>Markwise</h1>
      {status === undefined ? (
        <p role="status">Looking at this tab…</p>
      ) : status === null || status.profileId === null ? (
        <NotRunning tab={tab} status={status} />
      ) : (
        <>
          <div role="status">
            <p>
              {/* " (unverified)" said once, also of a profile whose name already says it (issue 14, item 7). */}
              Page: {status.verified ? status.profileName : <span class="warn">{profileLabel({ name: status.profileName ?? '', verified: false })}</span>}
            </p>
            {status.registerFound ? (
              <p>
                {status.pupils} {status.pupils === 1 ? 'pupil' : 'pupils'}; {status.findings} {status.findings === 1 ? 'finding' : 'findings'}, {status.errors}{' '}
                {status.errors === 1 ? 'error' : 'errors'}.
              </p>
            ) : (
              <p class="warn">The register was not found on this page.</p>
            )}
            {status.problems.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </div>
          <RoleChoice status={status} />
          {tab?.id !== undefined ? <Adjust tabId={tab.id} /> : null}
        </>
      )}
      <NoTermDates />
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        Options
      </button>{' '}
      <button type="button" id="open-dashboard" onClick={() => void browser.tabs.create({ url: new URL('dashboard.html', location.href).href })}>
        Follow-up list
      </button>{' '}
      <button type="button" id="open-check" onClick={() => void browser.tabs.create({ url: new URL('check.html', location.href).href })}>
        Check a register export
      </button>
    </>
  );
}

render(<Popup />, document.getElementById('app')!);
