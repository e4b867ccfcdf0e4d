// The one ledger for hours and points. An act is one approval — a rule, the evidence, who approved and when — that
// credits or debits one or many members; its entries are only ever inserted. A correction is a new act whose entries
// reverse earlier ones. Caps per rule and period are kept by the tally, moved in the same transaction.
// The caller has checked that the approver may approve for these members (scope) and records the audit entry.
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, type FieldError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { localYear } from '../platform/time.js';
import { volunteerRepository, type ActRow, type EntryRow } from './repository.js';
import { periodKey, ruleOf, type LedgerRule } from './rules.js';

export type LedgerLine = {
  memberId: string;
  memberName: string;
  branchPath: string;
  communityPath: string | null;
  /** Signed, as it will count: minutes for hours, points for points. */
  amount: number;
};

export type Approver = { id: string; name: string };

export type ActInput = {
  ruleCode: string;
  lines: readonly LedgerLine[];
  evidence: string;
  note?: string | null;
  occurredAt: number;
  /** The organisation approving (the branch for points, the community for hours). */
  orgPath: string;
  approver: Approver | null;
  sourceType: 'manual' | 'activity' | 'demo';
  sourceId?: string | null;
};

export type PostedAct = { act: ActRow; entries: EntryRow[] };

/** The checks that need no database: approver, rule, amounts and their signs, one line per member. */
export function checkAct(input: ActInput): LedgerRule {
  if (input.approver === null || input.approver.id === '' || input.approver.name.trim() === '') {
    throw new AppError('volunteer.approver_required');
  }
  const rule = ruleOf(input.ruleCode);
  if (rule === undefined) {
    throw new AppError('volunteer.unknown_rule');
  }
  if (input.lines.length === 0) {
    throw new AppError('request.invalid', { errors: [{ field: 'lines', message: 'at least one member' }] });
  }
  if (input.evidence.trim() === '') {
    throw new AppError('request.invalid', {
      errors: [{ field: 'evidence', message: 'evidence is required' }],
    });
  }
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    if (seen.has(line.memberId)) {
      throw new AppError('request.invalid', {
        errors: [{ field: `lines/${i}`, message: 'a member appears twice' }],
      });
    }
    seen.add(line.memberId);
    if (!Number.isInteger(line.amount)) {
      throw new AppError('request.invalid', { errors: [{ field: `lines/${i}`, message: 'a whole number' }] });
    }
    if (line.amount === 0) {
      throw new AppError('volunteer.zero_amount', {
        errors: [{ field: `lines/${i}`, message: line.memberName }],
      });
    }
    if (Math.sign(line.amount) !== rule.sign) {
      throw new AppError('volunteer.wrong_sign', {
        errors: [{ field: `lines/${i}`, message: line.memberName }],
      });
    }
    if (Math.abs(line.amount) > rule.maxPerOccurrence) {
      throw new AppError('volunteer.cap_exceeded', {
        errors: [
          { field: `lines/${i}`, message: `${line.memberName}: at most ${rule.maxPerOccurrence} at once` },
        ],
      });
    }
  });
  return rule;
}

/** Posts one act with its entries; refuses the whole act (nothing written) if any member would pass the cap. */
export async function postLedgerAct(
  trx: Kysely<DB>,
  dialect: Dialect,
  now: number,
  input: ActInput,
): Promise<PostedAct> {
  const rule = checkAct(input);
  const approver = input.approver!;
  const repo = volunteerRepository(trx, dialect);
  const key = periodKey(rule.cap.period, input.occurredAt);
  const over: FieldError[] = [];
  for (const [i, line] of input.lines.entries()) {
    const isWithin = await repo.moveTally(
      { memberId: line.memberId, ruleCode: rule.code, periodKey: key },
      line.amount,
      rule.cap.amount,
    );
    if (!isWithin) {
      over.push({ field: `lines/${i}`, message: line.memberName });
    }
  }
  if (over.length > 0) {
    throw new AppError('volunteer.cap_exceeded', { errors: over });
  }
  const act: ActRow = {
    id: newId(now),
    kind: rule.kind,
    rule_code: rule.code,
    category: rule.category,
    org_path: input.orgPath,
    evidence: input.evidence.trim(),
    note: input.note ?? null,
    source_type: input.sourceType,
    source_id: input.sourceId ?? null,
    reverses_act_id: null,
    approver_id: approver.id,
    approver_name: approver.name,
    approved_at: now,
    occurred_at: input.occurredAt,
    created_at: now,
  };
  const year = localYear(input.occurredAt);
  const entries: EntryRow[] = input.lines.map((line) => ({
    id: newId(now),
    act_id: act.id,
    member_id: line.memberId,
    member_name: line.memberName,
    branch_path: line.branchPath,
    community_path: line.communityPath,
    kind: rule.kind,
    rule_code: rule.code,
    category: rule.category,
    year,
    occurred_at: input.occurredAt,
    amount: line.amount,
    reverses_entry_id: null,
    created_at: now,
  }));
  await repo.insertAct(act);
  await repo.insertEntries(entries);
  return { act, entries };
}

/**
 * Reverses entries (all of an act, or some of its members') by a new act of opposite entries in the same period and
 * year as the originals. An entry already reversed, or itself a reversal, is refused.
 */
export async function reverseLedgerEntries(
  trx: Kysely<DB>,
  dialect: Dialect,
  now: number,
  input: {
    act: ActRow;
    entries: readonly EntryRow[];
    reason: string;
    orgPath: string;
    approver: Approver | null;
  },
): Promise<PostedAct> {
  if (input.approver === null || input.approver.id === '') {
    throw new AppError('volunteer.approver_required');
  }
  if (input.reason.trim() === '') {
    throw new AppError('request.invalid', { errors: [{ field: 'reason', message: 'a reason is required' }] });
  }
  const rule = ruleOf(input.act.rule_code);
  if (rule === undefined) {
    throw new AppError('volunteer.unknown_rule');
  }
  const repo = volunteerRepository(trx, dialect);
  const reversed = await repo.reversalsOf(input.entries.map((e) => e.id));
  if (
    input.entries.length === 0 ||
    input.entries.some((e) => reversed.has(e.id) || e.reverses_entry_id !== null)
  ) {
    throw new AppError('volunteer.already_reversed');
  }
  for (const e of input.entries) {
    // Toward zero: within the cap whenever the original was.
    const isWithin = await repo.moveTally(
      { memberId: e.member_id, ruleCode: e.rule_code, periodKey: periodKey(rule.cap.period, e.occurred_at) },
      -e.amount,
      Math.max(rule.cap.amount, Math.abs(e.amount)),
    );
    if (!isWithin) {
      throw new AppError('volunteer.cap_exceeded');
    }
  }
  const act: ActRow = {
    id: newId(now),
    kind: input.act.kind,
    rule_code: input.act.rule_code,
    category: input.act.category,
    org_path: input.orgPath,
    evidence: input.reason.trim(),
    note: null,
    source_type: 'reversal',
    source_id: input.act.id,
    reverses_act_id: input.act.id,
    approver_id: input.approver.id,
    approver_name: input.approver.name,
    approved_at: now,
    occurred_at: input.act.occurred_at,
    created_at: now,
  };
  const entries: EntryRow[] = input.entries.map((e) => ({
    ...e,
    id: newId(now),
    act_id: act.id,
    amount: -e.amount,
    reverses_entry_id: e.id,
    created_at: now,
  }));
  await repo.insertAct(act);
  await repo.insertEntries(entries);
  return { act, entries };
}
