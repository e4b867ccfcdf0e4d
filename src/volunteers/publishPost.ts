// The community publishes a volunteer post (a standing need: places, skills wanted) and members claim it. The caller
// of publishPost holds 'volunteer.manage'; the community must lie in its subtree (404 otherwise).
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../access/index.js';
import type { MemberListRow } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import { toDbJson } from '../platform/db/database.js';
import { AppError, notFound } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { ServiceCategory } from './categories.js';
import type { VolunteerDeps } from './deps.js';
import { volunteerRepository, type ClaimRow, type PostRow } from './repository.js';

/** Posts and activities are published by a community (village level) or a town for its whole area. */
export async function publishingOrg(deps: VolunteerDeps, scope: Scope, orgId: string) {
  const org = await orgDirectory(deps.database.db, deps.database.dialect).findById(scope, orgId);
  if (org === undefined) {
    throw notFound();
  }
  if ((org.level !== 'village' && org.level !== 'town') || org.status !== 'active') {
    throw new AppError('volunteer.not_community');
  }
  return org;
}

export async function publishPost(
  deps: VolunteerDeps,
  ctx: RequestContext,
  scope: Scope,
  input: {
    communityId: string;
    category: ServiceCategory;
    title: string;
    description: string;
    skills: string[];
    places: number;
    userId: string;
  },
): Promise<PostRow> {
  const org = await publishingOrg(deps, scope, input.communityId);
  return deps.database.db.transaction().execute(async (trx) => {
    const row: PostRow = {
      id: newId(ctx.now),
      community_id: org.id,
      org_path: org.path,
      category: input.category,
      title: input.title.trim(),
      description: input.description.trim(),
      skills: toDbJson(input.skills.map((s) => s.trim()).filter((s) => s !== '')) ?? '[]',
      places: input.places,
      status: 'open',
      created_by: input.userId,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await volunteerRepository(trx, deps.database.dialect).insertPosts([row]);
    await recordAudit(trx, ctx, {
      action: 'volunteer.post.publish',
      entityType: 'volunteerPost',
      entityId: row.id,
      orgPath: row.org_path,
      detail: { category: row.category, places: row.places },
    });
    return row;
  });
}

export async function closePost(deps: VolunteerDeps, ctx: RequestContext, scope: Scope, id: string) {
  await deps.database.db.transaction().execute(async (trx) => {
    const repo = volunteerRepository(trx, deps.database.dialect);
    const post = await repo.findPost(scope, id);
    if (post === undefined) {
      throw notFound();
    }
    if (post.status !== 'open') {
      throw new AppError('workflow.transition_not_allowed');
    }
    await repo.updatePost(id, { status: 'closed', updated_at: ctx.now });
    await recordAudit(trx, ctx, {
      action: 'volunteer.post.close',
      entityType: 'volunteerPost',
      entityId: id,
      orgPath: post.org_path,
    });
  });
}

/** A member claims a place on an open post (any community's: members serve where they live or work). */
export async function claimPost(
  deps: VolunteerDeps,
  ctx: RequestContext,
  input: { postId: string; member: MemberListRow },
): Promise<ClaimRow> {
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = volunteerRepository(trx, deps.database.dialect);
    const post = await repo.findPostById(input.postId);
    if (post === undefined) {
      throw notFound();
    }
    if (post.status !== 'open') {
      throw new AppError('workflow.transition_not_allowed');
    }
    const claims = await repo.claimsOf([post.id]);
    if (claims.some((c) => c.member_id === input.member.id)) {
      throw new AppError('volunteer.already_signed_up');
    }
    if (claims.length >= post.places) {
      throw new AppError('volunteer.full');
    }
    const row: ClaimRow = {
      post_id: post.id,
      member_id: input.member.id,
      member_name: input.member.name,
      org_path: input.member.org_path,
      claimed_at: ctx.now,
    };
    await repo.insertClaims([row]);
    await recordAudit(trx, ctx, {
      action: 'volunteer.post.claim',
      entityType: 'volunteerPost',
      entityId: post.id,
      orgPath: post.org_path,
      detail: { memberId: input.member.id },
    });
    return row;
  });
}
