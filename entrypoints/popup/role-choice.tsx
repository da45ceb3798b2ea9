// Which role the page is checked for (issue 14, item 2): the site profile guesses (a class register is a
// teacher's), and a person for whom the guess is wrong says so here. Kept for the site (its origin).

import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Role } from '../../rules/policy/schema';
import type { TabStatus } from '../../storage/messages';

const ROLE_NAMES: Readonly<Record<Role, string>> = { teacher: 'Teacher', office: 'Office staff' };

export function RoleChoice({ status }: { status: TabStatus }) {
  const [role, setRole] = useState(status.role);
  const [problem, setProblem] = useState<string | null>(null);
  const guess = status.profileRole;
  if (role === null || guess === null) return null;
  const choose = async (next: Role) => {
    setProblem(null);
    // Choosing the profile's guess forgets the choice, so a corrected profile is followed again.
    const reply = (await browser.runtime.sendMessage({ type: 'set-role', origin: status.site, role: next === guess ? null : next }).catch((e: unknown) => ({ error: String(e) }))) as { error?: string } | undefined;
    if (reply?.error !== undefined) setProblem(`Markwise could not keep your choice: ${reply.error}`);
    else setRole(next);
  };
  return (
    <fieldset id="role-choice">
      <legend>Your role on this site</legend>
      {(['teacher', 'office'] as const).map((r) => (
        <label key={r}>
          <input type="radio" name="role" value={r} checked={role === r} onChange={() => void choose(r)} /> {ROLE_NAMES[r]}
        </label>
      ))}
      <p id="role-in-use">
        Checking with the codes {role === 'teacher' ? 'teachers' : 'office staff'} may enter:{' '}
        {role === guess ? "the site profile's guess." : `your choice (the site profile guesses ${ROLE_NAMES[guess].toLowerCase()}).`}
      </p>
      {problem === null ? null : (
        <p class="warn" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
