// Opens a topic (议题) in a council. From residents (the public page) it first collects support: N supporters within
// M days send it to the branch. From party members, the branch itself or a case turned into a topic it goes to the
// branch for review at once. Staff callers hold council.write over the council; public callers need nothing more.
import { recordAudit } from '../audit/index.js';
import { caseStatesByIds, maskPersonalText } from '../cases/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { toDbBool } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { DAY_MS } from '../platform/time.js';
import { DISTRICT_SCOPE, councilOrThrow, type ConsultationDeps } from './deps.js';
import { consultationRepository, type CouncilRow, type TopicRow } from './repository.js';
import type { TopicSource } from './topicStates.js';

export type OpenTopicInput = {
  councilId: string;
  title: string;
  body: string;
  source: TopicSource;
  proposerName?: string | null;
  isAnonymous?: boolean;
  caseId?: string | null;
};

const publicLabel: Record<TopicSource, string> = {
  resident: '居民',
  partyMember: '党员',
  branch: '党组织',
  case: '群众诉求转议题',
  hotspot: '诉求热点',
  appeal: '党员中心户诉求',
};

/** A topic the platform proposes on someone's behalf (a hotspot, an appeal): to the branch for review at once. */
export function submittedTopic(
  council: Pick<CouncilRow, 'id' | 'org_path' | 'support_threshold'>,
  now: number,
  t: {
    title: string;
    body: string;
    source: TopicSource;
    proposerUserId: string | null;
    proposerPublic: string;
  },
): TopicRow {
  return {
    id: newId(now),
    council_id: council.id,
    org_path: council.org_path,
    title: t.title,
    body: t.body,
    source: t.source,
    proposer_user_id: t.proposerUserId,
    proposer_name_enc: null,
    proposer_public: t.proposerPublic,
    is_anonymous: toDbBool(false),
    case_id: null,
    status: 'submitted',
    support_count: 0,
    support_threshold: council.support_threshold,
    support_until: null,
    reason: null,
    merged_into_id: null,
    reviewed_at: null,
    created_at: now,
    updated_at: now,
  };
}

export async function openTopic(
  deps: ConsultationDeps,
  ctx: RequestContext,
  scope: Scope | null,
  input: OpenTopicInput,
): Promise<TopicRow> {
  if (scope === null && input.source !== 'resident') {
    throw new AppError('auth.required');
  }
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = consultationRepository(trx, deps.database.dialect);
    const council = await councilOrThrow(repo, scope ?? DISTRICT_SCOPE, input.councilId);
    let caseId: string | null = null;
    if (input.source === 'case') {
      const id = input.caseId ?? '';
      const found = (await caseStatesByIds(trx, deps.database.dialect, [id])).get(id);
      // A case outside the council's area (or outside the caller's scope) is not found.
      if (found === undefined || !found.orgPath.startsWith(council.org_path) || scope === null) {
        throw notFound();
      }
      caseId = id;
    }
    const isCollecting = input.source === 'resident';
    const name = input.proposerName?.trim() ?? '';
    const isAnonymous = input.isAnonymous === true || name === '';
    const row: TopicRow = {
      id: newId(ctx.now),
      council_id: council.id,
      org_path: council.org_path,
      title: maskPersonalText(input.title.trim()),
      body: maskPersonalText(input.body.trim()),
      source: input.source,
      proposer_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      proposer_name_enc: name === '' ? null : deps.cipher.encrypt(name),
      proposer_public: isAnonymous ? '匿名' : publicLabel[input.source],
      is_anonymous: toDbBool(isAnonymous),
      case_id: caseId,
      status: isCollecting ? 'collecting' : 'submitted',
      support_count: 0,
      support_threshold: council.support_threshold,
      support_until: isCollecting ? ctx.now + council.support_days * DAY_MS : null,
      reason: null,
      merged_into_id: null,
      reviewed_at: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await repo.insertTopic(row);
    await recordAudit(trx, ctx, {
      action: 'topic.open',
      entityType: 'consultationTopic',
      entityId: row.id,
      orgPath: row.org_path,
      detail: { source: row.source, caseId },
    });
    return row;
  });
}
