// The DfE's check letter of a unique pupil number (UPN): 13 characters, a check letter, then 12
// digits, or 11 digits and a letter for a temporary UPN. The check letter is the sum of each
// later character's value times its position (2 to 13), modulo 23, in an alphabet without I, O
// and S; a temporary UPN's final letter counts as its place in that alphabet (UK Government Data
// Standards Catalogue, "Unique Pupil Number" v2.0; DfE census error 1510).

const CHECK_ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const UPN_SHAPE = /^[A-Z]\d{11}[0-9A-Z]$/;

/** The check letter for the 12 characters after it, or null when they cannot form a UPN. */
export function upnCheckLetter(rest: string): string | null {
  if (!/^\d{11}[0-9A-Z]$/.test(rest)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const c = rest[i]!;
    const value = c >= '0' && c <= '9' ? Number(c) : CHECK_ALPHABET.indexOf(c);
    if (value < 0) return null;
    sum += value * (i + 2);
  }
  return CHECK_ALPHABET[sum % 23]!;
}

/**
 * Why a pupil id written as a UPN fails the DfE check, or null when it passes or is not written as
 * a UPN at all (an MIS's own pupil id). A warning, never a refusal: a typo here is worth a look,
 * but the register is still the register.
 */
export function upnCheckProblem(upn: string): string | null {
  const text = upn.trim().toUpperCase();
  if (!UPN_SHAPE.test(text)) return null;
  const expected = upnCheckLetter(text.slice(1));
  if (expected === null) return `'${upn}' is not a UPN the DfE issues: a temporary UPN's last letter is never I, O or S`;
  return expected === text[0] ? null : `'${upn}' fails the DfE check letter (it would be ${expected}): check the UPN in the MIS`;
}
