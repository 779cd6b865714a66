// How strong a studio password must be: at least 12 characters, at least 6 different ones, and
// not built on the user's own email or name (what is left without them must still be 8
// characters). A long passphrase of plain words passes (`una clave larga de pablo`);
// `aaaaaaaaaaaa`, `123123123123` and `ana.lopez2025!` (for ana.lopez@…) do not.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
const MIN_DISTINCT = 6;
const LEFT_WITHOUT_OWN = 8;

/** Why `password` is too weak for the user with this email and name, or undefined when it will do. */
export function passwordProblem(password: string, user: { readonly email: string; readonly name: string }): string | undefined {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) return `at least ${PASSWORD_MIN_LENGTH} characters`;
  if (chars.length > PASSWORD_MAX_LENGTH) return `at most ${PASSWORD_MAX_LENGTH} characters`;
  if (new Set(chars).size < MIN_DISTINCT) return `at least ${MIN_DISTINCT} different characters`;
  const own = [user.email, user.email.split('@')[0] ?? '', user.name, ...user.name.split(/\s+/)]
    .map((part) => part.toLowerCase())
    .filter((part) => part.length >= 3)
    .sort((a, b) => b.length - a.length);
  let rest = password.toLowerCase();
  for (const part of own) rest = rest.split(part).join('');
  if ([...rest].length < LEFT_WITHOUT_OWN) return 'must not be built on your email or your name';
  return undefined;
}
