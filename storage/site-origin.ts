// An MIS site as Markwise stores it: one exact origin, https or (a self-hosted MIS on the school's own
// network) http. Host access is granted per site, so a wildcard (https://*, https://*.example, or %2A
// written for *) would let Markwise read every site it covers.

/** unencrypted: the site is http://, so pupil data crosses the network readable; said wherever the site is added or listed. */
export type SiteOriginResult = { ok: true; origin: string; unencrypted: boolean } | { ok: false; message: string };

/** Shown beside every http:// site (options page, managed sites). */
export const UNENCRYPTED_WARNING =
  'Not encrypted: this site uses http://, so pupil data travels readable by anyone on the network between this computer and the MIS. Use https:// if the MIS offers it.';

/** Whether a stored site's origin is plain http. */
export function isUnencrypted(origin: string): boolean {
  return origin.startsWith('http://');
}

/** One DNS label: letters, digits and hyphens, not starting or ending with a hyphen (after punycode). */
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function exactHost(hostname: string): boolean {
  if (/^\[[0-9a-f:.]+\]$/.test(hostname)) return true;
  const labels = hostname.split('.');
  return labels.length >= 1 && labels.every((l) => LABEL.test(l));
}

/** An MIS site's address as typed or set by an administrator: https or http, one exact site, no path. */
export function readSiteOrigin(value: string): SiteOriginResult {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: `'${trimmed}' is not a web address: write it as https://your-mis.example` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `'${trimmed}' is not a web address: an MIS site starts https:// (or http:// for one on the school's own network)` };
  if (url.username !== '' || url.password !== '') return { ok: false, message: 'leave out any user name or password' };
  const authority = trimmed.slice(trimmed.indexOf('//') + 2).split(/[/?#]/)[0] ?? '';
  // The URL parser turns %2A into *: look at what was written as well as what it means.
  if (url.hostname.includes('*') || authority.includes('*') || authority.includes('%')) {
    return { ok: false, message: `'${trimmed}' is not one exact site: wildcards (*, or %2A) and percent-encoding are not allowed; write each MIS site in full, such as https://your-school.mis.example` };
  }
  if (!exactHost(url.hostname)) {
    return { ok: false, message: `'${trimmed}' is not one exact site: its name '${url.hostname}' is not a host name such as your-school.mis.example` };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return { ok: false, message: `only the site is needed, without a path: ${url.origin}` };
  }
  return { ok: true, origin: url.origin, unencrypted: url.protocol === 'http:' };
}
