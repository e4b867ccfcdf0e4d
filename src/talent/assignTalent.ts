// Puts a talent to work (放到基层岗位锻炼培养): on an alliance demand, a volunteer post or a consultation topic the
// caller can see and that is still open, or on a grassroots post named by its title; with a start, a planned end
// and a record. Only a talent who agreed to be contacted, and never twice at once on the same need. Audited.
// The caller holds 'talent.write' (the route checks it).
import type { Kysely } from 'kysely';
import { scopeOf, type UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { readNeed } from './needs.js';
import { talentRepository, type AssignmentRow } from './repository.js';
import { invalid } from './saveProfile.js';
import type { TargetKind } from './vocabulary.js';

export type AssignInput = {
  targetKind: TargetKind;
  targetId: string | null;
  title: string | null;
  startsAt: number;
  endsAt: number | null;
  record: string;
};

export async function assignTalent(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  actor: UserActor,
  profileId: string,
  input: AssignInput,
): Promise<AssignmentRow> {
  const repo = talentRepository(trx);
  const profile = await repo.findById(scopeOf(actor), profileId);
  if (profile === undefined) {
    throw notFound();
  }
  if (profile.consent !== 1) {
    throw new AppError('talent.no_consent', {
      detail: msg(
        '该人才未同意被联系，不能安排任用',
        'A talent who has not agreed to be contacted is not put to work',
      ),
    });
  }
  let title = maskPersonalText((input.title ?? '').trim());
  let targetId: string | null = null;
  if (input.targetKind === 'grassroots') {
    if (title === '') {
      throw invalid('title', '请填写岗位名称', 'Name the grassroots post');
    }
  } else {
    if (input.targetId === null) {
      throw invalid('targetId', '请选择要对接的需求、岗位或议题', 'Choose the demand, post or topic');
    }
    const need = await readNeed(trx, dialect, actor, input.targetKind, input.targetId);
    if (need === undefined) {
      throw invalid('targetId', '找不到该需求、岗位或议题', 'No such demand, post or topic in your scope');
    }
    if (!need.isOpen) {
      throw new AppError('talent.need_closed');
    }
    if ((await repo.assignedTo(need.id)).has(profile.id)) {
      throw new AppError('talent.already_assigned');
    }
    targetId = need.id;
    title = title === '' ? need.title : title;
  }
  if (input.endsAt !== null && input.endsAt <= input.startsAt) {
    throw invalid('endsAt', '结束时间须晚于开始时间', 'The end must be after the start');
  }
  const row: AssignmentRow = {
    id: newId(ctx.now),
    profile_id: profile.id,
    org_path: profile.org_path,
    target_kind: input.targetKind,
    target_id: targetId,
    title,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    status: 'active',
    outcome: null,
    rating: null,
    record: maskPersonalText(input.record.trim()),
    created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await repo.insertAssignment(row);
  await recordAudit(trx, ctx, {
    action: 'talent.assign',
    entityType: 'talent',
    entityId: profile.id,
    orgPath: profile.org_path,
    detail: { assignmentId: row.id, targetKind: row.target_kind, targetId },
  });
  return row;
}
