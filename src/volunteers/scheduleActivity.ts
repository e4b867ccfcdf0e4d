// The community schedules an activity: when, where (a point and a radius for the on-site check), places, skills.
// The caller holds 'volunteer.manage' and the community (or town) lies in its subtree.
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../audit/index.js';
import type { Scope } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import { toDbJson } from '../platform/db/database.js';
import { AppError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { ServiceCategory } from './categories.js';
import type { VolunteerDeps } from './deps.js';
import { publishingOrg } from './publishPost.js';
import { volunteerRepository, type ActivityRow } from './repository.js';

export const DEFAULT_RADIUS_M = 300;
const MAX_LENGTH_MS = 12 * 3_600_000;

export const newCheckinToken = (): string => randomBytes(12).toString('hex');

export async function scheduleActivity(
  deps: VolunteerDeps,
  ctx: RequestContext,
  scope: Scope,
  input: {
    communityId: string;
    postId?: string | null;
    category: ServiceCategory;
    title: string;
    description: string;
    placeName: string;
    lng: number;
    lat: number;
    radiusM?: number;
    startsAt: number;
    endsAt: number;
    places: number;
    skills: string[];
    userId: string;
  },
): Promise<ActivityRow> {
  if (input.endsAt <= input.startsAt || input.endsAt - input.startsAt > MAX_LENGTH_MS) {
    throw new AppError('request.invalid', {
      errors: [{ field: 'endsAt', message: 'after the start, and at most 12 hours later' }],
    });
  }
  const org = await publishingOrg(deps, scope, input.communityId);
  return deps.database.db.transaction().execute(async (trx) => {
    const repo = volunteerRepository(trx, deps.database.dialect);
    if (input.postId !== undefined && input.postId !== null) {
      const post = await repo.findPost(scope, input.postId);
      if (post === undefined || post.community_id !== org.id) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'postId', message: 'a post of the same community' }],
        });
      }
    }
    const row: ActivityRow = {
      id: newId(ctx.now),
      post_id: input.postId ?? null,
      community_id: org.id,
      org_path: org.path,
      category: input.category,
      title: input.title.trim(),
      description: input.description.trim(),
      place_name: input.placeName.trim(),
      lng: input.lng,
      lat: input.lat,
      radius_m: input.radiusM ?? DEFAULT_RADIUS_M,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      places: input.places,
      skills: toDbJson(input.skills.map((s) => s.trim()).filter((s) => s !== '')) ?? '[]',
      checkin_token: newCheckinToken(),
      status: 'open',
      organiser_id: input.userId,
      confirmed_at: null,
      confirmed_by: null,
      act_id: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    await repo.insertActivities([row]);
    await recordAudit(trx, ctx, {
      action: 'volunteer.activity.schedule',
      entityType: 'volunteerActivity',
      entityId: row.id,
      orgPath: row.org_path,
      detail: { startsAt: row.starts_at, places: row.places },
    });
    return row;
  });
}
