// Checks the organisation system's invariants against the database (tests and the CLI's verify command).
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { isOrgLevel, mayParent, orgLevels, orgMetric } from './levels.js';
import { RollupDeltas } from './rollupDeltas.js';

/** Returns a list of violations; empty when the tree, the memberships and the roll-ups are consistent. */
export async function checkOrgInvariants(db: Kysely<DB>): Promise<string[]> {
  const problems: string[] = [];
  const orgs = await db.selectFrom('org').selectAll().execute();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const expected = new RollupDeltas();
  for (const o of orgs) {
    if (!isOrgLevel(o.level)) {
      problems.push(`org ${o.id}: unknown level ${o.level}`);
      continue;
    }
    if (o.parent_id === null) {
      if (o.path !== `/${o.id}/` || o.depth !== 0) {
        problems.push(`root ${o.id}: path ${o.path}`);
      }
    } else {
      const parent = byId.get(o.parent_id);
      if (parent === undefined) {
        problems.push(`org ${o.id}: missing parent`);
        continue;
      }
      if (o.path !== `${parent.path}${o.id}/` || o.depth !== parent.depth + 1) {
        problems.push(`org ${o.id}: path ${o.path} does not extend its parent's ${parent.path}`);
      }
      if (!isOrgLevel(parent.level) || !mayParent(parent.level, o.level)) {
        problems.push(`org ${o.id}: level ${o.level} under ${parent.level}`);
      }
      if (o.status === 'active' && parent.status !== 'active') {
        problems.push(`org ${o.id}: active under dissolved ${parent.id}`);
      }
    }
    if (o.status === 'active') {
      expected.add(o.path, orgMetric(o.level), 1);
    }
  }
  const members = await db
    .selectFrom('member')
    .select(['id', 'branch_id', 'group_id', 'org_path', 'community_id', 'community_path'])
    .execute();
  for (const m of members) {
    const branch = byId.get(m.branch_id);
    const group = m.group_id === null ? null : byId.get(m.group_id);
    if (branch === undefined || branch.level !== 'branch' || branch.status !== 'active') {
      problems.push(`member ${m.id}: not in exactly one active branch`);
      continue;
    }
    if (
      group === undefined ||
      (group !== null && (group.parent_id !== branch.id || group.status !== 'active'))
    ) {
      problems.push(`member ${m.id}: group outside its branch`);
      continue;
    }
    if (m.org_path !== (group ?? branch).path) {
      problems.push(`member ${m.id}: org_path ${m.org_path} stale`);
    }
    if (m.community_id !== null && byId.get(m.community_id)?.path !== m.community_path) {
      problems.push(`member ${m.id}: community path stale`);
    }
    expected.add(m.org_path, 'member', 1);
  }
  const centrals = await db.selectFrom('central_household').selectAll().execute();
  const centralById = new Map(centrals.map((c) => [c.id, c]));
  for (const c of centrals) {
    const group = byId.get(c.group_id);
    if (group === undefined || group.path !== c.group_path || group.level !== 'group') {
      problems.push(`central household ${c.id}: group path stale`);
    }
    expected.add(c.group_path, 'centralHousehold', 1);
  }
  const households = await db
    .selectFrom('household')
    .select(['id', 'village_id', 'village_path', 'central_household_id', 'org_path'])
    .execute();
  for (const h of households) {
    if (byId.get(h.village_id)?.path !== h.village_path) {
      problems.push(`household ${h.id}: village path stale`);
    }
    const central = h.central_household_id === null ? null : centralById.get(h.central_household_id);
    const place = central === null ? h.village_path : central?.group_path;
    if (h.org_path !== place) {
      problems.push(`household ${h.id}: org_path stale`);
    }
    expected.add(h.org_path, 'household', 1);
  }
  const tracked = new Set(['member', 'centralHousehold', 'household', ...orgLevels.map(orgMetric)]);
  const actual = await db.selectFrom('org_rollup').selectAll().execute();
  const seen = new Set<string>();
  for (const r of actual) {
    if (!tracked.has(r.metric)) {
      continue;
    }
    const key = `${r.org_id}\u0000${r.metric}`;
    seen.add(key);
    const want = expected.values.get(key) ?? 0;
    if (r.value !== want) {
      problems.push(
        `roll-up ${byId.get(r.org_id)?.name ?? r.org_id} ${r.metric}: ${r.value}, recount ${want}`,
      );
    }
  }
  for (const [key, value] of expected.values) {
    if (!seen.has(key) && value !== 0) {
      problems.push(`roll-up ${key.replace('\u0000', ' ')} missing, recount ${value}`);
    }
  }
  return problems;
}
