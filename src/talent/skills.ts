// Skill tags as stored and searched: trimmed, inner spaces collapsed, full-width letters and digits folded to
// half-width, Latin letters lower-cased; at most 12 tags of at most 20 characters, no duplicates.

export const MAX_TAGS = 12;
export const MAX_TAG_LENGTH = 20;

export function normaliseTag(raw: string): string {
  return raw.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The normalised, de-duplicated tags, in the order given; empty ones dropped. */
export function normaliseTags(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of raw) {
    const tag = normaliseTag(r);
    if (tag !== '' && !out.includes(tag)) {
      out.push(tag);
    }
  }
  return out;
}

/** The upper bound of a prefix range over tags: every tag starting with prefix sorts in [prefix, upper). */
export const tagPrefixUpper = (prefix: string): string => `${prefix}\u{10ffff}`;

/** The tags a profile row holds (its JSON column); anything unreadable counts as none. */
export function skillsOf(row: { skills: string }): string[] {
  try {
    const v = JSON.parse(row.skills) as unknown;
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
