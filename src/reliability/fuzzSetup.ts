// The callers and known ids of a fuzz run over the scope fixture.
import { roles } from '../access/index.js';
import type { ScopeFixture } from './fixtures.js';
import type { FuzzCaller } from './fuzz.js';

export function fuzzCallers(f: ScopeFixture): FuzzCaller[] {
  return [
    { name: 'anonymous', session: null },
    ...roles.map((role) => ({ name: role, session: f.users[role].session })),
  ];
}

/** Ids of records that exist (cases, tracking codes, organisations, grids, households, categories), so requests hit. */
export async function fuzzIds(f: ScopeFixture): Promise<string[]> {
  const db = f.p.database.db;
  const ids: string[] = [];
  for (const c of f.cases) {
    ids.push(c.id, c.trackingCode);
  }
  ids.push(...Object.values(f.orgs).map((o) => o.id));
  ids.push(...(await db.selectFrom('grid').select('id').limit(3).execute()).map((r) => r.id));
  ids.push(...(await db.selectFrom('household').select('id').limit(3).execute()).map((r) => r.id));
  ids.push(...(await db.selectFrom('central_household').select('id').limit(2).execute()).map((r) => r.id));
  ids.push(...(await db.selectFrom('case_category').select('code').limit(3).execute()).map((r) => r.code));
  return ids;
}
