// The one transition function of appeals: appends the step (who, when, from level, to level, why), updates the
// appeal, and keeps its overdue timer in step with its level. Callers have checked the seat and run a transaction.
import { maskPersonalText } from '../cases/index.js';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { cancelJob, scheduleJob } from '../platform/jobs/jobs.js';
import { localDate } from '../platform/time.js';
import { dueAtLevel, levelRank, type AppealStatus, type ChainLevel, type ChainStop } from './chain.js';
import { linkageRepository, type AppealPatch, type AppealRow } from './repository.js';

export const appealActions = [
  'record',
  'settle',
  'confirm',
  'reject',
  'answer',
  'passUp',
  'escalate',
  'flagOverdue',
  'toCase',
  'toTopic',
] as const;
export type AppealAction = (typeof appealActions)[number];

export const OVERDUE_JOB = 'linkage.overdue';
/** One timer per appeal and level: a timer that fires never replaces or cancels its own row. */
export const overdueKey = (appealId: string, level: string): string => `linkage:${appealId}:${level}`;
export type OverduePayload = { appealId: string; dueAt: number };

const CONCLUDED: readonly AppealStatus[] = ['settled', 'answered', 'case', 'topic'];
export const isConcluded = (status: string): boolean => (CONCLUDED as readonly string[]).includes(status);

export type StepChange = {
  action: AppealAction;
  actor: { id: string | null; name: string | null };
  toStatus: AppealStatus;
  /** The stop the appeal moves to (pass up, escalate); absent: it stays at its level. */
  to?: ChainStop;
  reason: string | null;
  patch?: AppealPatch;
  /** Set by the overdue timer itself, whose own job row must be left to complete. */
  isFromTimer?: boolean;
};

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A public tracking code for the household: unguessable (50 bits), easy to read out. */
export function newAppealCode(now: number): string {
  let tail = '';
  for (const b of randomBytes(10)) {
    tail += ALPHABET[b % ALPHABET.length]!;
  }
  return `LD${localDate(now).slice(2).replaceAll('-', '')}${tail}`;
}

export async function applyAppealStep(
  trx: Kysely<DB>,
  dialect: Dialect,
  now: number,
  appeal: AppealRow,
  change: StepChange,
): Promise<AppealRow> {
  const repo = linkageRepository(trx, dialect);
  const level = (change.to?.level ?? appeal.level) as ChainLevel;
  const isMoving = change.to !== undefined;
  const isReopened = change.toStatus === 'open' && appeal.status !== 'open';
  let dueAt = appeal.due_at;
  if (change.toStatus !== 'open') {
    dueAt = change.toStatus === 'awaitingConfirmation' ? appeal.due_at : null;
  } else if (isMoving || isReopened) {
    dueAt = await dueAtLevel(trx, level, now);
  }
  const highest =
    levelRank(level) > levelRank(appeal.highest_level as ChainLevel) ? level : appeal.highest_level;
  const next: AppealRow = {
    ...appeal,
    status: change.toStatus,
    level,
    level_org_id: change.to?.orgId ?? appeal.level_org_id,
    highest_level: highest,
    level_since: isMoving ? now : appeal.level_since,
    due_at: change.toStatus === 'open' || change.toStatus === 'awaitingConfirmation' ? dueAt : null,
    concluded_level: isConcluded(change.toStatus) ? level : null,
    concluded_at: isConcluded(change.toStatus) ? now : null,
    updated_at: now,
    ...change.patch,
  };
  await repo.updateAppeal(appeal.id, {
    status: next.status,
    level: next.level,
    level_org_id: next.level_org_id,
    highest_level: next.highest_level,
    level_since: next.level_since,
    due_at: next.due_at,
    concluded_level: next.concluded_level,
    concluded_at: next.concluded_at,
    // Numbers typed into free text are never stored in plaintext.
    outcome: next.outcome === null ? null : maskPersonalText(next.outcome),
    case_id: next.case_id,
    topic_id: next.topic_id,
    is_overdue: next.is_overdue,
    updated_at: now,
  });
  await repo.insertSteps([
    {
      appeal_id: appeal.id,
      seq: (await repo.lastSeq(appeal.id)) + 1,
      at: now,
      actor_id: change.actor.id,
      actor_name: change.actor.name,
      action: change.action,
      from_level: appeal.level,
      to_level: level,
      from_status: appeal.status,
      to_status: change.toStatus,
      reason: change.reason === null ? null : maskPersonalText(change.reason),
    },
  ]);
  if (change.isFromTimer !== true && (next.status !== 'open' || next.level !== appeal.level)) {
    await cancelJob(trx, overdueKey(appeal.id, appeal.level));
  }
  await syncTimer(trx, next, now);
  return next;
}

/** An open appeal with a limit has a timer at its level's due instant. */
export async function syncTimer(trx: Kysely<DB>, appeal: AppealRow, now: number): Promise<void> {
  if (appeal.status === 'open' && appeal.due_at !== null) {
    const payload: OverduePayload = { appealId: appeal.id, dueAt: appeal.due_at };
    await scheduleJob(trx, {
      kind: OVERDUE_JOB,
      key: overdueKey(appeal.id, appeal.level),
      dueAt: appeal.due_at,
      payload,
      now,
    });
  }
}
