// 镇（街道）分管领导: a town names its leader in charge of each platform; its cases name that account as town leader.
import type { Kysely } from 'kysely';
import { roles, scopeOf, type UserActor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { accountNames, holdersOfRolesUnder } from '../identity/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { RequestContext } from '../platform/context.js';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { AppError, notFound } from '../platform/errors.js';
import { platforms } from './catalogue/defaultCatalogue.js';
import { caseRepository } from './repository.js';
import { townLeaderOf } from './workflow/effects/index.js';

export type TownLeaders = {
  townId: string;
  townName: string;
  items: { platform: string; userId: string | null; displayName: string | null; isChosen: boolean }[];
  candidates: { id: string; displayName: string }[];
};

async function townInScope(db: Kysely<DB>, dialect: Dialect, actor: UserActor, townId: string) {
  const town = await orgDirectory(db, dialect).findById(scopeOf(actor), townId);
  if (town === undefined || town.level !== 'town') {
    throw notFound();
  }
  return town;
}

/** The accounts holding a role at the town itself: the people who may be named. */
async function candidatesOf(db: Kysely<DB>, town: { id: string; path: string }) {
  const holders = await holdersOfRolesUnder(db, town.path, roles);
  const seen = new Map<string, string>();
  for (const h of holders) {
    if (h.orgId === town.id && !seen.has(h.userId)) {
      seen.set(h.userId, h.displayName);
    }
  }
  return [...seen].map(([id, displayName]) => ({ id, displayName }));
}

export async function readTownLeaders(
  db: Kysely<DB>,
  dialect: Dialect,
  actor: UserActor,
  townId: string,
): Promise<TownLeaders> {
  const town = await townInScope(db, dialect, actor, townId);
  const chosen = new Map(
    (await caseRepository(db, dialect).townLeaders(town.id)).map((r) => [r.platform, r]),
  );
  const items = [];
  for (const platform of platforms) {
    const leader = await townLeaderOf(db, dialect, {
      town_id: town.id,
      district_id: town.path.split('/')[1] ?? '',
      platform,
    });
    items.push({
      platform,
      userId: leader?.id ?? null,
      displayName: leader?.displayName ?? null,
      isChosen: chosen.has(platform),
    });
  }
  return { townId: town.id, townName: town.name, items, candidates: await candidatesOf(db, town) };
}

/** Caller holds 'case.command' over the town. userId null: back to the town command centre's account. */
export async function setTownLeader(
  trx: Kysely<DB>,
  dialect: Dialect,
  ctx: RequestContext,
  actor: UserActor,
  townId: string,
  input: { platform: string; userId: string | null },
): Promise<void> {
  const town = await townInScope(trx, dialect, actor, townId);
  const repo = caseRepository(trx, dialect);
  if (input.userId === null) {
    await repo.clearTownLeader(town.id, input.platform);
  } else {
    const candidates = await candidatesOf(trx, town);
    const account = (await accountNames(trx, [input.userId])).get(input.userId);
    if (account === undefined || !account.isActive || !candidates.some((c) => c.id === input.userId)) {
      throw new AppError('request.invalid', {
        errors: [{ field: 'userId', message: 'must be an active account holding a role at the town' }],
      });
    }
    await repo.setTownLeader({
      town_id: town.id,
      platform: input.platform,
      user_id: input.userId,
      updated_by: actor.userId,
      updated_at: ctx.now,
    });
  }
  await recordAudit(trx, ctx, {
    action: 'case.townLeader',
    entityType: 'org',
    entityId: town.id,
    orgPath: town.path,
    detail: { platform: input.platform, userId: input.userId },
  });
}
