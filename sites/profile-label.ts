// A site profile's name as staff see it: " (unverified)" added once, never to a name that already
// says so (the built-in Arbor, Bromcom, ScholarPack and Gibbon profiles do): issue 14, item 7.

export function profileLabel(profile: { readonly name: string; readonly verified: boolean }): string {
  return profile.verified || /\(unverified\)/i.test(profile.name) ? profile.name : `${profile.name} (unverified)`;
}
