// Reads of the ledger: a member's entries and balances for a year, and the ranking of a branch's members by points
// (ties share a rank). Balances are always summed from the entries, never stored.
import type { Kysely } from 'kysely';
import { memberDirectory } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { DISTRICT_SCOPE } from './deps.js';
import { presentEntry, type EntryDto } from './presenter.js';
import { volunteerRepository } from './repository.js';
import { YEARLY_BAR_MINUTES } from './rules.js';

export type Balances = { minutes: number; points: number };

export type MemberLedger = {
  memberId: string;
  year: number;
  balances: Balances;
  barMinutes: number;
  entries: EntryDto[];
};

export async function memberLedger(
  db: Kysely<DB>,
  dialect: Dialect,
  memberId: string,
  year: number,
): Promise<MemberLedger> {
  const repo = volunteerRepository(db, dialect);
  const rows = await repo.entriesOfMember(memberId, { year, limit: 2000 });
  const acts = new Map((await repo.actsByIds([...new Set(rows.map((r) => r.act_id))])).map((a) => [a.id, a]));
  const reversed = new Set(rows.flatMap((r) => (r.reverses_entry_id === null ? [] : [r.reverses_entry_id])));
  const totals = await repo.balancesOf([memberId], year);
  return {
    memberId,
    year,
    balances: {
      minutes: totals.find((t) => t.kind === 'hours')?.total ?? 0,
      points: totals.find((t) => t.kind === 'points')?.total ?? 0,
    },
    barMinutes: YEARLY_BAR_MINUTES,
    entries: rows.map((r) => presentEntry(r, acts.get(r.act_id), reversed.has(r.id))),
  };
}

export type RankRow = { rank: number; memberId: string; name: string; points: number; minutes: number };

/** Every member of the branch (or group) path, ranked by points, then hours; members without entries rank last. */
export async function rankingOf(
  db: Kysely<DB>,
  dialect: Dialect,
  branchPath: string,
  year: number,
): Promise<RankRow[]> {
  const members = await memberDirectory(db, dialect).list(DISTRICT_SCOPE, {
    underPath: branchPath,
    limit: 5000,
  });
  const balances = await volunteerRepository(db, dialect).balancesUnder(branchPath, year);
  const by = new Map<string, Balances>();
  for (const b of balances) {
    const x = by.get(b.memberId) ?? { minutes: 0, points: 0 };
    if (b.kind === 'hours') {
      x.minutes += b.total;
    } else {
      x.points += b.total;
    }
    by.set(b.memberId, x);
  }
  const rows = members
    .map((m) => ({ memberId: m.id, name: m.name, ...(by.get(m.id) ?? { minutes: 0, points: 0 }) }))
    .sort((a, b) => b.points - a.points || b.minutes - a.minutes || a.memberId.localeCompare(b.memberId));
  let rank = 0;
  return rows.map((r, i) => {
    const prev = rows[i - 1];
    if (prev === undefined || prev.points !== r.points || prev.minutes !== r.minutes) {
      rank = i + 1;
    }
    return { rank, ...r };
  });
}

/** The path of a member's branch (their org path may be a party group's under it). */
export async function branchPathOf(
  db: Kysely<DB>,
  dialect: Dialect,
  branchId: string,
): Promise<string | null> {
  return (await orgDirectory(db, dialect).findByIdUnscoped(branchId))?.path ?? null;
}
