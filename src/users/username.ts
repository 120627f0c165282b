/**
 * The one form of a username, used when an account is created, when a login
 * looks it up and when failed logins are counted, so the three can never
 * disagree: Unicode NFKC (full-width ｊｍ is jm), then lower-casing of ASCII
 * letters only. Any other character is left as it is and fails the safe set,
 * instead of folding into an ASCII letter one way in JavaScript and another
 * in PostgreSQL (`İ`).
 */
export function normaliseUsername(username: string): string {
  return username.normalize('NFKC').replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** What a normalised username may be: 3–64 lower-case ASCII letters, digits, dots, dashes, underscores, starting with a letter or digit. */
export const SAFE_USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export const SAFE_USERNAME_MESSAGE = 'username must be 3-64 letters, digits, dots, dashes or underscores, starting with a letter or digit';

export function isSafeUsername(normalised: string): boolean {
  return SAFE_USERNAME.test(normalised);
}
