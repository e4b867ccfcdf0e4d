// Suggestions of talents for a need (an alliance demand, a volunteer post, a consultation topic needing an expert).
// Only a talent who agreed to be contacted, is available on weekdays or at weekends and is not already at work on
// this need is suggested; of those, one whose skill tags appear in the need's words or asked skills, or whose kind
// the need calls for, is scored on those overlaps, on place (the same village, then the same town), on being
// current (not stale) and on having fewer assignments under way. Each suggestion says why. A person decides; the
// score only orders the list.
import type { ProfileListRow } from './repository.js';
import { skillsOf } from './skills.js';
import { isStale, type TalentKind } from './vocabulary.js';

export type Need = {
  /** The need's words (title, detail), searched for each skill tag. */
  text: string;
  /** Skills the need asks for by name (normalised tags), e.g. a volunteer post's skills. */
  skills: readonly string[];
  /** Kinds of talent the need calls for. */
  kinds: readonly TalentKind[];
  /** Where the need is: the org path of its owner. */
  orgPath: string;
};

export const talentReasons = [
  'skill',
  'kind',
  'sameVillage',
  'sameTown',
  'current',
  'stale',
  'free',
  'busy',
] as const;
export type TalentReason = (typeof talentReasons)[number];

export type TalentSuggestion = {
  profile: ProfileListRow;
  matchedSkills: string[];
  activeAssignments: number;
  score: number;
  reasons: TalentReason[];
};

/** A tag this short (one character) is found in too many texts to mean a match by itself. */
const MIN_TEXT_MATCH = 2;

/** How many leading path segments two organisations share: 1 the district, 2 the town, 3 the village. */
function sharedDepth(a: string, b: string): number {
  const x = a.split('/').filter((s) => s !== '');
  const y = b.split('/').filter((s) => s !== '');
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) {
    n += 1;
  }
  return n;
}

/** Whether the profile may be suggested at all: contactable, available, not already on the need. */
export const isSuggestible = (p: ProfileListRow, alreadyOnNeed: ReadonlySet<string>): boolean =>
  p.consent === 1 && (p.weekdays === 1 || p.weekends === 1) && !alreadyOnNeed.has(p.id);

export function rankTalents(
  need: Need,
  candidates: readonly ProfileListRow[],
  active: ReadonlyMap<string, number>,
  alreadyOnNeed: ReadonlySet<string>,
  now: number,
  limit = 20,
): TalentSuggestion[] {
  const text = need.text.normalize('NFKC').toLowerCase();
  const out: TalentSuggestion[] = [];
  for (const profile of candidates) {
    if (!isSuggestible(profile, alreadyOnNeed)) {
      continue;
    }
    const tags = skillsOf(profile);
    const matchedSkills = tags.filter(
      (t) =>
        (t.length >= MIN_TEXT_MATCH && text.includes(t)) ||
        need.skills.some(
          (s) =>
            s === t || (Math.min(s.length, t.length) >= MIN_TEXT_MATCH && (s.includes(t) || t.includes(s))),
        ),
    );
    const kindFits = need.kinds.includes(profile.kind as TalentKind);
    if (matchedSkills.length === 0 && !kindFits) {
      continue;
    }
    const reasons: TalentReason[] = [];
    let score = 0;
    if (matchedSkills.length > 0) {
      score += 30 + 10 * Math.min(3, matchedSkills.length - 1);
      reasons.push('skill');
    }
    if (kindFits) {
      score += 15;
      reasons.push('kind');
    }
    const depth = sharedDepth(need.orgPath, profile.org_path);
    if (depth >= 3) {
      score += 20;
      reasons.push('sameVillage');
    } else if (depth === 2) {
      score += 10;
      reasons.push('sameTown');
    }
    if (isStale(profile.confirmed_at, now)) {
      score -= 10;
      reasons.push('stale');
    } else {
      score += 5;
      reasons.push('current');
    }
    const busy = active.get(profile.id) ?? 0;
    if (busy === 0) {
      score += 10;
      reasons.push('free');
    } else {
      score -= 5 * Math.min(4, busy);
      reasons.push('busy');
    }
    out.push({ profile, matchedSkills, activeAssignments: busy, score, reasons });
  }
  return out
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.profile.confirmed_at - a.profile.confirmed_at ||
        a.profile.id.localeCompare(b.profile.id),
    )
    .slice(0, limit);
}
