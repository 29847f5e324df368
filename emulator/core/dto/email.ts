/**
 * Hibernate Validator's `@Email` (EmailValidator + DomainNameUtil): `a@b` is valid, the empty
 * string is valid (blankness is `@NotBlank`'s business), a local part is at most 64 characters.
 */
const ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]";
const QUOTED = '"(?:[a-z0-9!#$%&\'*.(),<>\\[\\]:;  @+/=?^_`{|}~\\u0080-\\uFFFF-]|\\\\\\\\|\\\\")+"';
const WORD = `(?:${ATOM}+|${QUOTED})`;
const LOCAL_PART = new RegExp(`^${WORD}(?:\\.${WORD})*$`, "iu");
const LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
const DOMAIN = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`, "u");
const IP_LITERAL = /^\[(?:\d{1,3}\.){3}\d{1,3}\]$|^\[IPv6:[0-9a-f:.]+\]$/i;

export function isValidEmail(value: string): boolean {
  if (value.length === 0) return true;
  const at = value.lastIndexOf("@");
  if (at < 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) return false;
  if (domain.length === 0 || domain.length > 255) return false;
  return DOMAIN.test(domain) || IP_LITERAL.test(domain);
}
