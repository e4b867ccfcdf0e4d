// The quarterly feedback to employers (在职党员进社区 反馈): for a unit (its party organisation), the hours each of its
// members served in the community over the quarter, against the pace of the yearly bar, with the evaluation the
// community gives by that measure; members behind the bar are listed for their branch.
import type { Kysely } from 'kysely';
import { memberDirectory } from '../members/index.js';
import { orgDirectory, type OrgRow } from '../orgs/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import { instantOfLocalDate } from '../platform/time.js';
import { volunteerRepository } from './repository.js';
import { YEARLY_BAR_MINUTES } from './rules.js';

export type Evaluation = 'excellent' | 'good' | 'adequate' | 'behind';

export type EmployerLine = {
  memberId: string;
  name: string;
  branchPath: string;
  hours: number;
  /** The quarter's minutes, unrounded (the hours are rounded to a tenth). */
  minutes: number;
  yearHours: number;
  evaluation: Evaluation;
  isBehindBar: boolean;
};

/** [from, to) of a quarter "2026-Q3" in district time; undefined when the text is not one. */
export function quarterRange(
  text: string,
): { from: number; to: number; year: number; q: number } | undefined {
  const m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m === null) {
    return undefined;
  }
  const year = Number(m[1]);
  const q = Number(m[2]);
  const month = (q - 1) * 3 + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const from = instantOfLocalDate(`${year}-${pad(month)}-01`);
  const to =
    q === 4 ? instantOfLocalDate(`${year + 1}-01-01`) : instantOfLocalDate(`${year}-${pad(month + 3)}-01`);
  return { from, to, year, q };
}

/** By the share of the quarter's pace toward the yearly bar (a quarter of it). */
export function evaluationOf(quarterMinutes: number): Evaluation {
  const pace = YEARLY_BAR_MINUTES / 4;
  return quarterMinutes >= 1.5 * pace
    ? 'excellent'
    : quarterMinutes >= pace
      ? 'good'
      : quarterMinutes >= pace / 2
        ? 'adequate'
        : 'behind';
}

export async function employerReport(
  db: Kysely<DB>,
  dialect: Dialect,
  unit: OrgRow,
  quarter: string,
): Promise<{ unit: OrgRow; quarter: string; from: number; to: number; lines: EmployerLine[] }> {
  const range = quarterRange(quarter);
  if (range === undefined) {
    throw new AppError('request.invalid', { errors: [{ field: 'quarter', message: 'e.g. 2026-Q3' }] });
  }
  if (!['unit', 'newField', 'department'].includes(unit.level)) {
    throw new AppError('volunteer.not_unit');
  }
  const repo = volunteerRepository(db, dialect);
  const yearStart = instantOfLocalDate(`${range.year}-01-01`);
  const [inQuarter, toDate] = await Promise.all([
    repo.minutesPerMember(unit.path, range.from, range.to),
    repo.minutesPerMember(unit.path, yearStart, range.to),
  ]);
  const quarterBy = new Map(inQuarter.map((m) => [m.memberId, m.minutes]));
  // Members of the unit's branches with no hours at all are behind too: they come from the members' roll.
  const served = toDate.filter((m) => m.branchPath.startsWith(unit.path));
  const seen = new Set(served.map((m) => m.memberId));
  const roll = await memberDirectory(db, dialect).list(
    { path: unit.path },
    { underPath: unit.path, limit: 5000 },
  );
  const idle = roll
    .filter((m) => !seen.has(m.id))
    .map((m) => ({ memberId: m.id, memberName: m.name, branchPath: m.org_path, minutes: 0 }));
  const lines: EmployerLine[] = [...served, ...idle]
    .map((m) => {
      const q = quarterBy.get(m.memberId) ?? 0;
      return {
        memberId: m.memberId,
        name: m.memberName,
        branchPath: m.branchPath,
        hours: Math.round(q / 6) / 10,
        minutes: q,
        yearHours: Math.round(m.minutes / 6) / 10,
        evaluation: evaluationOf(q),
        isBehindBar: m.minutes < (YEARLY_BAR_MINUTES * range.q) / 4,
      };
    })
    .sort((a, b) => b.hours - a.hours || a.memberId.localeCompare(b.memberId));
  return { unit, quarter, from: range.from, to: range.to, lines };
}

/** The employer an org id names, visible to the caller's scope (its own subtree), or undefined. */
export async function employerInScope(
  db: Kysely<DB>,
  dialect: Dialect,
  scopePath: string,
  unitOrgId: string,
) {
  const org = await orgDirectory(db, dialect).findByIdUnscoped(unitOrgId);
  return org !== undefined && org.path.startsWith(scopePath) ? org : undefined;
}
