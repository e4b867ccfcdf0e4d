// Brand projects (品牌项目孵化): a member declares a project it will lead (申报); the convener accepts it into
// incubation (孵化), where the chain is built — partner members and what each brings, milestones; a review by the
// convener finds the gaps, which the project fills (补链); once filled and reviewed well it is scaled and publicised
// (强链). The lead member and the convener keep the project; only the convener reviews and moves its stage.
import type { Kysely } from 'kysely';
import type { UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { maskPersonalText } from '../cases/index.js';
import type { RequestContext } from '../platform/context.js';
import { fromDbJson, toDbJson } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { msg } from '../platform/i18n.js';
import { newId } from '../platform/ids.js';
import { invalid, isConvener, requireSide } from './access.js';
import {
  allianceProjectRepository,
  type BrandEventRow,
  type BrandRow,
  type Partner,
} from './projectRepository.js';
import { allianceRepository, type AllianceRow } from './repository.js';
import type { BrandStage } from './vocabulary.js';

/** The stages each stage may move to. */
const NEXT: Record<BrandStage, readonly BrandStage[]> = {
  declared: ['incubating', 'declined'],
  incubating: ['filling'],
  filling: ['strengthening'],
  strengthening: [],
  declined: [],
};

/** A strengthened project was reviewed at least this well in 补链. */
export const STRENGTHEN_SCORE = 4;

export const partnersOf = (b: BrandRow): Partner[] => fromDbJson<Partner[]>(b.partners) ?? [];

const wrongState = (zh: string, en: string) => new AppError('alliance.wrong_state', { detail: msg(zh, en) });

/** The brand project of this alliance, locked for the change; a declined project takes no more changes. */
async function openBrand(trx: Kysely<DB>, ctx: RequestContext, alliance: AllianceRow, id: string) {
  await trx
    .updateTable('alliance_brand')
    .set({ updated_at: ctx.now })
    .where('id', '=', id)
    .where('alliance_id', '=', alliance.id)
    .execute();
  const brand = await allianceProjectRepository(trx).findBrand(alliance.id, id);
  if (brand === undefined) {
    throw notFound();
  }
  if (brand.stage === 'declined') {
    throw wrongState('项目申报未通过', 'The project’s declaration was declined');
  }
  return brand;
}

const requireKeeper = (actor: UserActor, alliance: AllianceRow, brand: BrandRow) =>
  requireSide(
    actor,
    alliance,
    brand.lead_path,
    '只有牵头单位或项目负责单位可以维护项目',
    'Only the convener or the project’s lead keeps the project',
  );

const requireConvener = (actor: UserActor, alliance: AllianceRow) => {
  if (!isConvener(actor, alliance)) {
    throw new AppError('auth.forbidden', {
      detail: msg('只有共同体牵头单位可以评审和推进项目', 'Only the convener reviews and advances a project'),
    });
  }
};

async function activeMember(trx: Kysely<DB>, alliance: AllianceRow, orgId: string, field: string) {
  const member = await allianceRepository(trx).findMember(alliance.id, orgId);
  if (member === undefined || member.left_at !== null) {
    throw invalid(field, '须是共同体的成员单位', 'Must be a member of the alliance');
  }
  return member;
}

function event(
  ctx: RequestContext,
  actor: UserActor,
  brand: BrandRow,
  e: Partial<BrandEventRow>,
): BrandEventRow {
  return {
    id: newId(ctx.now),
    brand_id: brand.id,
    kind: 'stage',
    title: '',
    note: '',
    score: null,
    stage: null,
    due_at: null,
    done_at: null,
    by_user: actor.userId,
    at: ctx.now,
    ...e,
  };
}

export async function declareBrand(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  input: { leadOrgId: string; title: string; summary: string },
): Promise<BrandRow> {
  const lead = await activeMember(trx, alliance, input.leadOrgId, 'leadOrgId');
  requireSide(
    actor,
    alliance,
    lead.org_path,
    '只能以本单位名义申报项目',
    'A member declares a project in its own name',
  );
  const title = maskPersonalText(input.title.trim());
  const summary = maskPersonalText(input.summary.trim());
  if (title === '') {
    throw invalid('title', '请填写项目名称', 'The project needs a name');
  }
  if (summary === '') {
    throw invalid('summary', '请简述项目内容和目标', 'Describe what the project does and aims at');
  }
  const row: BrandRow = {
    id: newId(ctx.now),
    alliance_id: alliance.id,
    org_path: alliance.org_path,
    lead_org_id: lead.org_id,
    lead_path: lead.org_path,
    title,
    summary,
    stage: 'declared',
    partners: '[]',
    stage_at: ctx.now,
    created_by: actor.userId,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  const repo = allianceProjectRepository(trx);
  await repo.insertBrand(row);
  await repo.insertEvent(event(ctx, actor, row, { kind: 'stage', stage: 'declared', title }));
  await recordAudit(trx, ctx, {
    action: 'alliance.brand.declare',
    entityType: 'allianceBrand',
    entityId: row.id,
    orgPath: lead.org_path,
    detail: { title },
  });
  return row;
}

/** Take in a partner member and what it brings (or restate what it brings). */
export async function addPartner(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  brandId: string,
  input: Partner,
): Promise<BrandRow> {
  const brand = await openBrand(trx, ctx, alliance, brandId);
  requireKeeper(actor, alliance, brand);
  await activeMember(trx, alliance, input.orgId, 'orgId');
  if (input.orgId === brand.lead_org_id) {
    throw invalid('orgId', '负责单位不能同时作为合作单位', 'The lead is not its own partner');
  }
  const contribution = maskPersonalText(input.contribution.trim());
  if (contribution === '') {
    throw invalid('contribution', '请写明合作单位提供什么', 'Write what the partner brings');
  }
  const partners = [
    ...partnersOf(brand).filter((p) => p.orgId !== input.orgId),
    { orgId: input.orgId, contribution },
  ];
  const patch = { partners: toDbJson(partners) ?? '[]', updated_at: ctx.now };
  await allianceProjectRepository(trx).updateBrand(brand.id, patch);
  await recordAudit(trx, ctx, {
    action: 'alliance.brand.partner',
    entityType: 'allianceBrand',
    entityId: brand.id,
    orgPath: brand.lead_path,
    detail: { orgId: input.orgId },
  });
  return { ...brand, ...patch };
}

export async function addMilestone(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  brandId: string,
  input: { title: string; note: string; dueAt: number },
): Promise<BrandEventRow> {
  const brand = await openBrand(trx, ctx, alliance, brandId);
  requireKeeper(actor, alliance, brand);
  const title = maskPersonalText(input.title.trim());
  if (title === '') {
    throw invalid('title', '请填写节点名称', 'The milestone needs a title');
  }
  if (input.dueAt <= ctx.now) {
    throw invalid('dueAt', '节点期限须晚于现在', 'A milestone is due in the future');
  }
  const row = event(ctx, actor, brand, {
    kind: 'milestone',
    title,
    note: maskPersonalText(input.note.trim()),
    due_at: input.dueAt,
  });
  await allianceProjectRepository(trx).insertEvent(row);
  await recordAudit(trx, ctx, {
    action: 'alliance.brand.milestone',
    entityType: 'allianceBrand',
    entityId: brand.id,
    orgPath: brand.lead_path,
    detail: { title, dueAt: input.dueAt },
  });
  return row;
}

export async function completeMilestone(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  brandId: string,
  eventId: string,
  input: { note: string },
): Promise<BrandEventRow> {
  const brand = await openBrand(trx, ctx, alliance, brandId);
  requireKeeper(actor, alliance, brand);
  const repo = allianceProjectRepository(trx);
  const milestone = await repo.findEvent(brand.id, eventId);
  if (milestone === undefined || milestone.kind !== 'milestone') {
    throw notFound();
  }
  if (milestone.done_at !== null) {
    throw wrongState('该节点已完成', 'The milestone is already done');
  }
  const note = maskPersonalText(input.note.trim());
  const patch = { done_at: ctx.now, note: note === '' ? milestone.note : note };
  await repo.updateEvent(milestone.id, patch);
  await recordAudit(trx, ctx, {
    action: 'alliance.brand.milestone.done',
    entityType: 'allianceBrand',
    entityId: brand.id,
    orgPath: brand.lead_path,
    detail: { milestoneId: milestone.id },
  });
  return { ...milestone, ...patch };
}

/** The convener's review: a score and the gaps found (the chain's missing links, for 补链). */
export async function reviewBrand(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  brandId: string,
  input: { score: number; note: string },
): Promise<BrandEventRow> {
  requireConvener(actor, alliance);
  const brand = await openBrand(trx, ctx, alliance, brandId);
  if (brand.stage === 'declared') {
    throw wrongState('项目尚未进入孵化，请先审核申报', 'Accept the declaration into incubation first');
  }
  const note = maskPersonalText(input.note.trim());
  if (note === '') {
    throw invalid('note', '请写明评审意见和发现的短板', 'Write the review and the gaps found');
  }
  const row = event(ctx, actor, brand, { kind: 'review', title: brand.stage, note, score: input.score });
  await allianceProjectRepository(trx).insertEvent(row);
  await recordAudit(trx, ctx, {
    action: 'alliance.brand.review',
    entityType: 'allianceBrand',
    entityId: brand.id,
    orgPath: brand.lead_path,
    detail: { score: input.score },
  });
  return row;
}

/**
 * Move a project on: 申报 → 孵化 (or declined); 孵化 → 补链 once it has a partner and a review in 孵化;
 * 补链 → 强链 once every milestone is done and a review in 补链 scored at least STRENGTHEN_SCORE.
 */
export async function moveBrand(
  trx: Kysely<DB>,
  ctx: RequestContext,
  actor: UserActor,
  alliance: AllianceRow,
  brandId: string,
  input: { stage: BrandStage; reason: string },
): Promise<BrandRow> {
  requireConvener(actor, alliance);
  const brand = await openBrand(trx, ctx, alliance, brandId);
  const from = brand.stage as BrandStage;
  if (!NEXT[from].includes(input.stage)) {
    throw wrongState('项目不能进入该阶段', 'The project cannot move to that stage from where it is');
  }
  const repo = allianceProjectRepository(trx);
  const events = await repo.events(brand.id);
  const reviewsHere = events.filter((e) => e.kind === 'review' && e.at >= brand.stage_at);
  if (input.stage === 'filling') {
    if (partnersOf(brand).length === 0) {
      throw wrongState('孵化阶段须先建链：至少一家合作单位', 'Build the chain first: at least one partner');
    }
    if (reviewsHere.length === 0) {
      throw wrongState('进入补链前须经共同体评审', 'Review the project before it fills its gaps');
    }
  }
  if (input.stage === 'strengthening') {
    if (events.some((e) => e.kind === 'milestone' && e.done_at === null)) {
      throw wrongState('尚有未完成的项目节点', 'Some milestones are not done yet');
    }
    if (!reviewsHere.some((e) => (e.score ?? 0) >= STRENGTHEN_SCORE)) {
      throw wrongState(
        `补链阶段的评审须达到${String(STRENGTHEN_SCORE)}分`,
        `A review in the filling stage must score at least ${String(STRENGTHEN_SCORE)}`,
      );
    }
  }
  const reason = maskPersonalText(input.reason.trim());
  if (input.stage === 'declined' && reason === '') {
    throw invalid('reason', '请说明不予通过的原因', 'Say why the declaration is declined');
  }
  const patch = { stage: input.stage, stage_at: ctx.now, updated_at: ctx.now };
  await repo.updateBrand(brand.id, patch);
  await repo.insertEvent(event(ctx, actor, brand, { kind: 'stage', stage: input.stage, note: reason }));
  await recordAudit(trx, ctx, {
    action: 'alliance.brand.stage',
    entityType: 'allianceBrand',
    entityId: brand.id,
    orgPath: brand.lead_path,
    detail: { from, to: input.stage },
  });
  return { ...brand, ...patch };
}
