// A central-household head records an appeal (诉求) of one of his linked households. It goes to his party group
// leader, or stays with him when he settles it himself. The caller holds 'linkage.serve'.
import { maskPersonalText } from '../cases/index.js';
import { recordAudit } from '../audit/index.js';
import type { UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Database } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { chainAbove, dueAtLevel, type ChainStop } from './chain.js';
import { linkedHousehold } from './linkedHousehold.js';
import { linkageRepository, type AppealRow } from './repository.js';
import { requireHeadSeat } from './seat.js';
import { newAppealCode, syncTimer } from './transition.js';

export async function recordAppeal(
  database: Database,
  ctx: RequestContext,
  actor: UserActor,
  input: { householdId: string; text: string; isKeptByHead?: boolean },
): Promise<AppealRow> {
  const { db, dialect } = database;
  const seat = await requireHeadSeat(db, dialect, actor);
  const household = await linkedHousehold(db, dialect, seat, input.householdId);
  const above = await chainAbove(db, dialect, seat.central.group_path);
  const group = above[0];
  if (group === undefined) {
    throw new AppError('linkage.top_of_chain');
  }
  const stop: ChainStop =
    input.isKeptByHead === true
      ? { level: 'central', orgId: seat.central.id, orgPath: seat.central.group_path }
      : group;
  const now = ctx.now;
  const row: AppealRow = {
    id: newId(now),
    tracking_code: newAppealCode(now),
    household_id: household.id,
    central_household_id: seat.central.id,
    org_path: seat.central.group_path,
    text: maskPersonalText(input.text.trim()),
    status: 'open',
    level: stop.level,
    level_org_id: stop.orgId,
    highest_level: stop.level,
    concluded_level: null,
    outcome: null,
    case_id: null,
    topic_id: null,
    is_overdue: 0,
    level_since: now,
    due_at: await dueAtLevel(db, stop.level, now),
    recorded_at: now,
    concluded_at: null,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    const repo = linkageRepository(trx, dialect);
    await repo.insertAppeals([row]);
    await repo.insertSteps([
      {
        appeal_id: row.id,
        seq: 1,
        at: now,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        action: 'record',
        from_level: null,
        to_level: stop.level,
        from_status: null,
        to_status: 'open',
        reason: null,
      },
    ]);
    await syncTimer(trx, row, now);
    await recordAudit(trx, ctx, {
      action: 'linkage.appeal.record',
      entityType: 'linkageAppeal',
      entityId: row.id,
      orgPath: row.org_path,
      detail: { householdId: household.id, level: stop.level },
    });
  });
  return row;
}
