// What is done about an alert, tracked to the end: the command centre turns it into a consultation topic in the
// village (the cases linked), puts its open cases under supervision (督办), gives the grid's workers a patrol focus,
// or dismisses it with a reason; later it records what came of it. Each step is audited; notes are stored masked.
import type { Kysely } from 'kysely';
import { scopeOf, type UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { findCategory, maskPersonalText, superviseCases } from '../cases/index.js';
import { proposeCaseTopic } from '../consultations/index.js';
import { gridDirectory, gridStaffLinks } from '../grids/index.js';
import { notify } from '../notifications/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Dialect } from '../platform/db/database.js';
import { fromDbJson } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { commandRepository, type AlertRow } from './repository.js';

export const alertActions = ['topic', 'supervise', 'patrol', 'dismiss'] as const;
export type AlertAction = (typeof alertActions)[number];

const closed = () => new AppError('command.alert_closed');

export async function actOnAlert(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  actor: UserActor,
  id: string,
  input: { kind: AlertAction; note: string },
): Promise<AlertRow> {
  const repo = commandRepository(trx);
  const alert = await repo.findAlert(scopeOf(actor), id);
  if (alert === undefined) {
    throw notFound();
  }
  if (alert.status !== 'open') {
    throw closed();
  }
  const note = maskPersonalText(input.note.trim());
  const caseIds = fromDbJson<string[]>(alert.case_ids) ?? [];
  let ref: string | null = null;
  switch (input.kind) {
    case 'topic': {
      const org = await orgDirectory(trx, dialect).findByIdUnscoped(alert.org_id);
      if (org === undefined || org.level !== 'village' || alert.category_code === null) {
        throw new AppError('command.no_council');
      }
      const days = Math.max(1, Math.round((alert.window_to - alert.window_from) / 86_400_000));
      const topic = await proposeCaseTopic(trx, { dialect }, ctx.now, {
        villageId: org.id,
        categoryCode: alert.category_code,
        caseIds,
        caseCount: alert.count,
        window: { from: alert.window_from, to: alert.window_to, days },
      });
      if (topic === null) {
        throw new AppError('command.no_council');
      }
      ref = topic.topicId;
      break;
    }
    case 'supervise': {
      const done = await superviseCases(trx, dialect, ctx, actor, caseIds, {
        card: 'yellow',
        comment: note === '' ? '预警督办' : `预警督办：${note}`,
      });
      ref = String(done.supervised.length);
      break;
    }
    case 'patrol': {
      const scope = scopeOf(actor);
      const gridIds =
        alert.grid_id !== null
          ? [alert.grid_id]
          : (
              await gridDirectory(trx).list(
                scope,
                { underPath: alert.org_path, status: 'active' },
                1000,
                null,
              )
            ).map((g) => g.id);
      const staff = await gridStaffLinks(trx).staffOf(gridIds);
      const workers = [
        ...new Set(staff.filter((s) => s.role === 'worker' && s.user_id !== null).map((s) => s.user_id!)),
      ];
      const category =
        alert.category_code === null ? undefined : await findCategory(trx, alert.category_code);
      if (workers.length > 0) {
        await notify(trx, {
          event: 'command.patrolFocus',
          userIds: workers,
          title: msg(
            `巡查重点：${category?.name.zh ?? '近期集中反映的问题'}`,
            `Patrol focus: ${category?.name.en ?? 'what residents have reported lately'}`,
          ),
          body: msg(
            note === '' ? '请在巡查中重点查看并及时上报。' : note,
            note === '' ? 'Please look at it on patrol and report.' : note,
          ),
          data: { alertId: alert.id, link: '/patrol' },
          now: ctx.now,
        });
      }
      ref = String(workers.length);
      break;
    }
    case 'dismiss':
      break;
  }
  const patch: Partial<AlertRow> = {
    status: input.kind === 'dismiss' ? 'dismissed' : 'acting',
    action_kind: input.kind,
    action_ref: ref,
    action_note: note,
    acted_at: ctx.now,
    acted_by: actor.userId,
  };
  await repo.updateAlert(alert.id, patch);
  await recordAudit(trx, ctx, {
    action: `command.alert.${input.kind}`,
    entityType: 'warningAlert',
    entityId: alert.id,
    orgPath: alert.org_path,
    detail: { ref },
  });
  return { ...alert, ...patch };
}

/** Records what came of an alert that was acted on; it is then done. */
export async function finishAlert(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  id: string,
  input: { note: string },
): Promise<AlertRow> {
  const repo = commandRepository(trx);
  const alert = await repo.findAlert(scopeOf(actor), id);
  if (alert === undefined) {
    throw notFound();
  }
  if (alert.status !== 'acting') {
    throw closed();
  }
  const patch: Partial<AlertRow> = {
    status: 'done',
    outcome_note: maskPersonalText(input.note.trim()),
    finished_at: ctx.now,
  };
  await repo.updateAlert(alert.id, patch);
  await recordAudit(trx, ctx, {
    action: 'command.alert.finish',
    entityType: 'warningAlert',
    entityId: alert.id,
    orgPath: alert.org_path,
  });
  return { ...alert, ...patch };
}
