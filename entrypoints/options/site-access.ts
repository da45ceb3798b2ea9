// Which site access the browser gives Markwise, and which of it can be taken back from the
// options page: the browser refuses to remove what the manifest itself asks for.

export interface GrantedSite {
  /** A match pattern: 'https://mis.example/*'. */
  readonly pattern: string;
  readonly removable: boolean;
}

export function grantedSiteList(origins: readonly string[], manifest: { host_permissions?: readonly string[]; content_scripts?: readonly { matches?: readonly string[] }[] }): GrantedSite[] {
  const required = new Set([...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((c) => c.matches ?? [])]);
  return [...origins].sort().map((pattern) => ({ pattern, removable: !required.has(pattern) }));
}

/** What to do when the browser did not give access: refused in its prompt (false), or refused outright (the browser's reason). */
export function notGranted(answer: false | string): string {
  return answer === false
    ? 'the browser did not give Markwise access to it: try again and choose Allow when the browser asks'
    : `the browser refused to ask for access (${answer}); if your browser is managed, your administrator may block it`;
}
