// Resident identity card numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberFacts = { birthDate: string; gender: 'male' | 'female'; region: string };

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  }
  return CHECK_CHARS[sum % 11]!;
}

/** Upper-cases a trailing x and strips spaces, the two differences people type. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) {
    return false;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The facts an ID number carries, or null when it is not a valid 18-character number. */
export function parseIdNumber(raw: string): IdNumberFacts | null {
  const id = normaliseIdNumber(raw);
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) {
    return null;
  }
  const birth = id.slice(6, 14);
  if (!isRealDate(birth) || idCheckChar(id.slice(0, 17)) !== id[17]) {
    return null;
  }
  return {
    region: id.slice(0, 6),
    birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

export function isValidIdNumber(raw: string): boolean {
  return parseIdNumber(raw) !== null;
}

/** Builds a valid number from its parts (the demo generator and tests). */
export function makeIdNumber(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** 320612********123X: region and the last four, never the birth date. */
export function maskIdNumber(id: string): string {
  return id.length < 10
    ? '*'.repeat(id.length)
    : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length < 7 ? '*'.repeat(phone.length) : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 张*宏, 欧阳**华, 李*: a person's name on a public page, first and last character only. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length <= 1
    ? '*'
    : chars.length === 2
      ? `${chars[0]!}*`
      : `${chars[0]!}${'*'.repeat(chars.length - 2)}${chars.at(-1)!}`;
}

/** A mainland mobile number: 11 digits starting with 1. */
export function isValidPhone(raw: string): boolean {
  return /^1\d{10}$/.test(raw);
}
