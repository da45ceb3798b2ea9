// In the popup, for a school checking by a policy without term dates (the statutory rules as a
// release installs them): the sentence the options page says too, and the way to the terms import.

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { noTermDatesNotice } from '../../rules/calendar/no-term-dates';
import { parsePolicy } from '../../rules/policy/schema';
import { openExtensionStore } from '../../storage/extension-store';

export function NoTermDates() {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void openExtensionStore()
      .activePolicy()
      .then((active) => {
        const parsed = parsePolicy(active.input);
        setNotice(parsed.ok ? noTermDatesNotice(parsed.policy.calendar.academicYears) : null);
      });
  }, []);
  if (notice === null) return null;
  return (
    <div id="no-term-dates">
      <p class="warn">{notice}</p>
      <button type="button" onClick={() => void browser.tabs.create({ url: new URL('options.html#terms-import', location.href).href })}>
        Import term dates
      </button>
    </div>
  );
}
