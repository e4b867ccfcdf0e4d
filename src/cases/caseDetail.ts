// The case page's read model: a case in the caller's scope with its steps, parties, photos, possible duplicates (in
// the same scope), the route its rules suggest, the actions the caller may take now with what each needs, and the
// names the page shows. Out of scope is not found.
import type { UserActor } from '../access/index.js';
import { orgDirectory } from '../orgs/index.js';
import type { Database } from '../platform/db/database.js';
import { fromDbJson } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { caseScopeOf, seatsOf } from './access.js';
import { catalogueRepository } from './catalogue/repository.js';
import { findDuplicates } from './intake/findDuplicates.js';
import { presentCase, presentStep } from './presenter.js';
import { caseRepository } from './repository.js';
import { resolveRoute } from './routing/resolveRoute.js';
import { allowedActions, needs } from './workflow/stateMachine.js';

export async function caseDetailOf(
  database: Database,
  actor: UserActor,
  id: string,
  how: { now: number; isEnglish: boolean },
) {
  const { db, dialect } = database;
  const repo = caseRepository(db, dialect);
  const scope = await caseScopeOf(db, actor);
  const c = await repo.findVisible(scope, id);
  if (c === undefined) {
    throw notFound();
  }
  const [steps, parties, photos, seats, category] = await Promise.all([
    repo.steps(c.id),
    repo.parties(c.id),
    repo.photos(c.id),
    seatsOf(db, actor, c),
    catalogueRepository(db).find(c.category_code),
  ]);
  const duplicates = ['closed', 'voided', 'merged'].includes(c.state)
    ? []
    : await findDuplicates(repo, scope, c, category?.duplicateRadiusM ?? 100);
  const route = await resolveRoute(db, {
    categoryCode: c.category_code,
    platform: c.platform,
    townId: c.town_id,
    villageId: c.village_id,
    gridId: c.grid_id,
  });
  const hasOpenCallBack = (await repo.openCallback(c.id)) !== undefined;
  const allowed = allowedActions({ state: c.state, level: c.level }, seats);
  const orgIds = [c.town_id, c.village_id, c.department_id, route.route?.departmentId ?? null].filter(
    (x): x is string => x !== null,
  );
  const names: Record<string, string> = {};
  for (const o of await orgDirectory(db, dialect).byIds(orgIds)) {
    names[o.id] = o.name;
  }
  if (category !== undefined) {
    names[category.code] = how.isEnglish ? category.name.en : category.name.zh;
  }
  return {
    item: presentCase(c, how.now),
    extra: fromDbJson<Record<string, unknown>>(c.extra),
    steps: steps.map(presentStep),
    parties: parties.map((p) => ({ role: p.role, userId: p.user_id, orgId: p.org_id, name: p.name })),
    photos: photos.map((p) => ({ id: p.id, stepSeq: p.step_seq, width: p.width, height: p.height })),
    duplicates: duplicates.map((d) => ({
      id: d.id,
      description: d.description,
      distanceM: d.distanceM,
      reportedAt: d.reportedAt,
    })),
    suggestedDepartmentId: route.route?.departmentId ?? null,
    routeReason: route.reason,
    // 'callBack' is not a workflow action but the command centre's task after a bad rating (POST …/callback).
    allowedActions: hasOpenCallBack && seats.includes('command') ? [...allowed, 'callBack'] : allowed,
    actionInputs: Object.fromEntries(
      allowed.map((a) => [a, { needs: [...needs(a).needs], accepts: [...needs(a).accepts] }]),
    ),
    names,
  };
}
