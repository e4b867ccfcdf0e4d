// Routing by the service and duty lists: the most specific matching rule names the department and may set the limit.
// No rule, or a tie between rules naming different departments, leaves the choice to the command centre.
import type { Kysely } from 'kysely';
import type { Limit } from '../../calendar/index.js';
import { fromDbJson } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';

export type RouteInput = {
  categoryCode: string;
  platform: string;
  townId: string | null;
  villageId: string | null;
  gridId: string | null;
};

export type Route = { departmentId: string; limit: Limit | null; ruleId: string };

export type RouteResult = { route: Route | null; reason: 'matched' | 'none' | 'ambiguous' };

/** Specificity: a category-specific rule beats any area; then grid > village > town > whole district; then platform. */
function specificity(r: DB['routing_rule'], input: RouteInput): number {
  const area =
    r.grid_id !== null
      ? 3
      : r.area_org_id === input.villageId && r.area_org_id !== null
        ? 2
        : r.area_org_id !== null
          ? 1
          : 0;
  return (r.category_code !== null ? 8 : 0) + area * 2 + (r.platform !== null ? 1 : 0);
}

export async function resolveRoute(db: Kysely<DB>, input: RouteInput): Promise<RouteResult> {
  const areas = [input.townId, input.villageId].filter((a): a is string => a !== null);
  const rows = await db
    .selectFrom('routing_rule')
    .selectAll()
    .where('active', '=', 1)
    .where((eb) => eb.or([eb('category_code', 'is', null), eb('category_code', '=', input.categoryCode)]))
    .where((eb) => eb.or([eb('platform', 'is', null), eb('platform', '=', input.platform)]))
    .where((eb) =>
      eb.or([
        eb.and([eb('area_org_id', 'is', null), eb('grid_id', 'is', null)]),
        ...(areas.length > 0 ? [eb('area_org_id', 'in', areas)] : []),
        ...(input.gridId !== null ? [eb('grid_id', '=', input.gridId)] : []),
      ]),
    )
    .execute();
  if (rows.length === 0) {
    return { route: null, reason: 'none' };
  }
  const scored = rows.map((r) => ({ r, s: specificity(r, input) })).sort((a, b) => b.s - a.s);
  const best = scored[0]!;
  const tied = scored.filter((x) => x.s === best.s);
  if (new Set(tied.map((x) => x.r.department_id)).size > 1) {
    return { route: null, reason: 'ambiguous' };
  }
  return {
    route: {
      departmentId: best.r.department_id,
      limit: fromDbJson<Limit>(best.r.limit_json),
      ruleId: best.r.id,
    },
    reason: 'matched',
  };
}
