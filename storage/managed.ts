// What an administrator set for every browser through managed storage (Google Admin console,
// Microsoft Intune, Group Policy; the keys are in public/managed-schema.json). Each value is
// checked as an import is: a policy with a mistake is not used, and the options page says why.

import { parsePolicy } from '../rules/policy/schema';
import { parseJsonText } from './json-text';
import { readSiteOrigin } from './site-origin';
import type { SiteProfile } from '../sites/profile';
import { parseSiteProfiles } from '../sites/profile-import';
import { describePolicyProblem } from '../rules/policy/labels';
import { describeProfileProblem } from '../sites/profile-labels';

export interface ManagedSettings {
  /** Who manages Markwise, as the administrator wrote it; 'your administrator' when not given. */
  readonly managedBy: string;
  /** The policy as given (JSON, parsed), when it is valid: it wins over the local choice. */
  readonly policyInput: unknown | null;
  readonly policyId: string | null;
  readonly profiles: readonly SiteProfile[];
  readonly sites: readonly { readonly origin: string; readonly profileIds: readonly string[] }[];
  /** What could not be used, said plainly: 'policy sessions.AM.registerClosesAt: ...'. */
  readonly problems: readonly string[];
}

export const NOT_MANAGED: ManagedSettings = { managedBy: '', policyInput: null, policyId: null, profiles: [], sites: [], problems: [] };

/** Whether anything at all is managed. */
export function isManaged(m: ManagedSettings): boolean {
  return m.policyInput !== null || m.profiles.length > 0 || m.sites.length > 0 || m.problems.length > 0;
}

function jsonValue(text: unknown, key: string, problems: string[]): unknown {
  if (typeof text !== 'string') {
    problems.push(`${key}: must be the JSON text of the file, as a string`);
    return undefined;
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    problems.push(`${key}: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    return undefined;
  }
  return parsed.value;
}

/** Reads storage.managed's raw values; never throws. */
export function readManaged(raw: unknown): ManagedSettings {
  if (typeof raw !== 'object' || raw === null) return NOT_MANAGED;
  const values = raw as Record<string, unknown>;
  if (['managedBy', 'policy', 'siteProfiles', 'sites'].every((key) => values[key] === undefined)) return NOT_MANAGED;
  const problems: string[] = [];
  const managedBy = typeof values.managedBy === 'string' && values.managedBy.trim() !== '' ? values.managedBy.trim() : 'your administrator';

  let policyInput: unknown | null = null;
  let policyId: string | null = null;
  if (values.policy !== undefined) {
    const input = jsonValue(values.policy, 'policy', problems);
    if (input !== undefined) {
      const parsed = parsePolicy(input);
      if (parsed.ok) {
        policyInput = input;
        policyId = parsed.policy.id;
      } else problems.push(...parsed.problems.map((p) => `In the policy: ${describePolicyProblem(p)}`));
    }
  }

  let profiles: SiteProfile[] = [];
  if (values.siteProfiles !== undefined) {
    const input = jsonValue(values.siteProfiles, 'siteProfiles', problems);
    if (input !== undefined) {
      const parsed = parseSiteProfiles(input);
      if (parsed.ok) profiles = parsed.profiles;
      else problems.push(...parsed.problems.map((p) => `In the site profiles: ${describeProfileProblem(p)}`));
    }
  }

  const sites: { origin: string; profileIds: string[] }[] = [];
  if (values.sites !== undefined) {
    if (!Array.isArray(values.sites)) problems.push('sites: must be a list of { origin, profiles }');
    else {
      values.sites.forEach((site: unknown, i) => {
        const { origin, profiles: ids } = (site ?? {}) as { origin?: unknown; profiles?: unknown };
        const read = typeof origin === 'string' ? readSiteOrigin(origin) : null;
        // Written exactly as its origin: a trailing slash or a capital letter is a different text than the site Markwise keys on.
        if (read === null || !read.ok || read.origin !== origin) {
          const wildcard = read !== null && !read.ok && read.message.includes('not one exact site');
          problems.push(`sites[${i}].origin: ${wildcard ? read.message : "must be a site's address such as https://school.example, with nothing after it"}`);
          return;
        }
        const profileIds = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
        sites.push({ origin: read.origin, profileIds });
      });
    }
  }
  return { managedBy, policyInput, policyId, profiles, sites, problems };
}
