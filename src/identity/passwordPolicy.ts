// The password policy (at least 10 characters, not containing the username, not a common password) and one-time
// passwords that satisfy it.
import { randomInt } from 'node:crypto';
import type { ErrorCode } from '../platform/errors.js';

export const MIN_PASSWORD_LENGTH = 10;

/** Passwords of 10+ characters that lead the leaked-password lists, Chinese ones included; compared lower-cased. */
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '0123456789',
  '9876543210',
  '12345678910',
  '123456789a',
  'a123456789',
  '1111111111',
  '0000000000',
  '8888888888',
  '6666666666',
  '5201314520',
  'woaini1314',
  'woaini520',
  'qwertyuiop',
  'qwerty1234',
  'qwerty123456',
  'asdfghjkl;',
  'zxcvbnm123',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  '1qaz2wsx',
  'qazwsxedc123',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'iloveyou12',
  'iloveyou123',
  'abc1234567',
  'abcd123456',
  'abcdefghij',
  'admin12345',
  'admin123456',
  'administrator',
  'welcome123',
  'changeme123',
  'letmein123',
  'tongxin123',
  'tongxin2026',
  'tongzhou123',
]);

/** Null when the password is acceptable for this username, else the error code that says why not. */
export function passwordProblem(password: string, username: string): ErrorCode | null {
  if (Array.from(password).length < MIN_PASSWORD_LENGTH) {
    return 'password.too_short';
  }
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && lower.includes(name)) {
    return 'password.contains_username';
  }
  if (COMMON_PASSWORDS.has(lower) || new Set(lower).size <= 2) {
    return 'password.too_common';
  }
  return null;
}

// No 0/O, 1/l/I: the password is read off a screen and typed in on a phone.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random 12-character password, shown once, that the user must replace at next sign-in. */
export function oneTimePassword(username: string): string {
  for (;;) {
    let out = '';
    for (let i = 0; i < 12; i++) {
      out += ALPHABET.charAt(randomInt(ALPHABET.length));
    }
    if (passwordProblem(out, username) === null) {
      return out;
    }
  }
}
