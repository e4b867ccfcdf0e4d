// A member puts an item on one of its three lists: a demand (what its residents or staff need, possibly from an
// appeal or a consultation outcome), a resource (a venue, experts, funds, volunteers, equipment, a service, with how
// many and when) or a project (a joint project it leads). The convener may post for any member.
import type { Kysely } from 'kysely';
import { scopeOf, type UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import { consultationOutcomeRef } from '../consultations/index.js';
import { linkageAppealRef } from '../linkage/index.js';
import type { Dialect } from '../platform/db/database.js';
import type { RequestContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { invalid, requireSide } from './access.js';
import { allianceRepository, type AllianceRow, type ItemRow } from './repository.js';
import type { DemandSource, ItemKind, ListName } from './vocabulary.js';

export type ItemInput = {
  ownerOrgId: string;
  list: ListName;
  kind: ItemKind;
  title: string;
  detail: string;
  quantity: number | null;
  availableFrom: number | null;
  availableTo: number | null;
  neededBy: number | null;
  source: DemandSource;
  /** The outcome or appeal a demand of that source was born of (it must sit in the owner's area). */
  sourceId: string | null;
};

/** The outcome or appeal a demand names, one the caller may see and of the owner's area; else refused. */
async function checkedSource(
  trx: Kysely<DB>,
  dialect: Dialect,
  actor: UserActor,
  ownerPath: string,
  input: ItemInput,
): Promise<string | null> {
  if (input.sourceId === null) {
    return null;
  }
  if (input.source !== 'consultation' && input.source !== 'appeal') {
    throw invalid(
      'sourceId',
      '只有来自议事成果或群众诉求的需求可关联来源',
      'Only a demand from an outcome or an appeal names one',
    );
  }
  const found =
    input.source === 'consultation'
      ? await consultationOutcomeRef(trx, dialect, scopeOf(actor), input.sourceId)
      : await linkageAppealRef(trx, dialect, actor, input.sourceId);
  if (found === undefined || !found.orgPath.startsWith(ownerPath)) {
    throw invalid('sourceId', '未找到本单位的该议事成果或诉求', 'No such outcome or appeal of this member');
  }
  return found.id;
}

export async function postItem(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  input: ItemInput,
): Promise<ItemRow> {
  const repo = allianceRepository(trx);
  const owner = await repo.findMember(alliance.id, input.ownerOrgId);
  if (owner === undefined) {
    throw new AppError('alliance.not_member', { errors: [{ field: 'ownerOrgId', message: 'not a member' }] });
  }
  requireSide(actor, alliance, owner.org_path, '只能为本单位发布清单', 'You post only for your own unit');
  const title = maskPersonalText(input.title.trim());
  if (title === '') {
    throw invalid('title', '请填写标题', 'The item needs a title');
  }
  if (input.list === 'demand' && input.neededBy !== null && input.neededBy < ctx.now) {
    throw invalid('neededBy', '需求的期限不能早于现在', 'A demand cannot be needed in the past');
  }
  if (
    input.availableFrom !== null &&
    input.availableTo !== null &&
    input.availableTo <= input.availableFrom
  ) {
    throw invalid(
      'availableTo',
      '可用结束时间须晚于开始时间',
      'Available until must be after available from',
    );
  }
  const isDemand = input.list === 'demand';
  const sourceId = isDemand ? await checkedSource(trx, dialect, actor, owner.org_path, input) : null;
  const row: ItemRow = {
    id: newId(ctx.now),
    alliance_id: alliance.id,
    owner_org_id: owner.org_id,
    owner_path: owner.org_path,
    list: input.list,
    kind: input.kind,
    title,
    detail: maskPersonalText(input.detail.trim()),
    quantity: input.quantity,
    available_from: isDemand ? null : input.availableFrom,
    available_to: isDemand ? null : input.availableTo,
    needed_by: isDemand ? input.neededBy : null,
    source: isDemand ? input.source : 'own',
    source_id: sourceId,
    status: 'open',
    created_by: actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await repo.insertItem(row);
  await recordAudit(trx, ctx, {
    action: `alliance.${input.list}.post`,
    entityType: 'allianceItem',
    entityId: row.id,
    orgPath: owner.org_path,
    detail: { allianceId: alliance.id, kind: row.kind },
  });
  return row;
}
