// A small district for the reliability tests: one signed-in user per role at a known organisation, cases in the
// caller's own village, another village of the same town, another town and another department, each carrying
// personal numbers in its free text, so the permission matrix, the fuzz run and the personal-data scans share one
// picture of who owns what.
import { roles, type Role } from '../access/index.js';
import { hashPassword, seedUser } from '../identity/index.js';
import { orgDirectory } from '../orgs/index.js';
import { caseIn, pointInGridOf, sessions, startCasePlatform } from '../testing/caseFixtures.js';
import { loginAs, type Session, type TestPlatform, TEST_PASSWORD } from '../testing/testPlatform.js';

/** Plaintext personal numbers typed into descriptions and reporter fields; never to be seen unmasked at rest or in answers. */
export const SECRET_PHONES = ['13912345678', '13800002222', '15955556666'] as const;
export const SECRET_IDS = ['320612198001011234', '32061219900202567X'] as const;

export type ScopeLabel = 'own' | 'otherVillage' | 'otherTown' | 'otherDepartment';

export type FixtureCase = {
  label: ScopeLabel;
  id: string;
  trackingCode: string;
  orgPath: string;
  departmentPath: string | null;
  gridId: string | null;
  reporterUserId: string | null;
};

export type RoleUser = {
  role: Role;
  username: string;
  session: Session;
  orgId: string;
  orgPath: string;
  userId: string;
  gridIds: string[];
};

export type ScopeFixture = {
  p: TestPlatform;
  users: Record<Role, RoleUser>;
  cases: FixtureCase[];
  /** Organisations by scope label (the own village, another village of the town, a village of another town). */
  orgs: Record<'ownVillage' | 'otherVillage' | 'otherTown' | 'ownTown', { id: string; path: string }>;
};

/** The demo accounts that already hold a role at a known organisation; the rest are made here. */
const DEMO_OF: Partial<Record<Role, string>> = {
  districtAdmin: 'admin',
  orgDepartment: 'zzb',
  districtCommand: 'qzh',
  townCommand: 'jinsha',
  townAdmin: 'jsadmin',
  departmentHandler: 'jszf',
  villageCadre: 'dongshi',
  gridWorker: 'wangge',
};

const OWN_VILLAGE = '320612001001';
const OWN_TOWN = '320612001';
const OTHER_TOWN = '320612110';

export async function startScopeFixture(): Promise<ScopeFixture> {
  const p = await startCasePlatform();
  const db = p.database.db;
  const orgs = orgDirectory(db, p.database.dialect);
  const ownVillage = (await orgs.findByCode(OWN_VILLAGE))!;
  const ownTown = (await orgs.findByCode(OWN_TOWN))!;
  const otherTown = (await orgs.findByCode(OTHER_TOWN))!;
  const villages = await db
    .selectFrom('org')
    .select(['id', 'path', 'code'])
    .where('level', '=', 'village')
    .orderBy('code')
    .execute();
  const otherVillage = villages.find((v) => v.path.startsWith(ownTown.path) && v.id !== ownVillage.id)!;
  const otherTownVillage = villages.find((v) => v.path.startsWith(otherTown.path))!;

  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const role of roles) {
    if (DEMO_OF[role] === undefined) {
      await seedUser(db, {
        username: `rel-${role}`,
        displayName: `可靠性 ${role}`,
        passwordHash,
        roles: [{ role, orgId: ownVillage.id }],
        now: p.clock.now(),
      });
    }
  }
  const users = {} as Record<Role, RoleUser>;
  for (const role of roles) {
    const username = DEMO_OF[role] ?? `rel-${role}`;
    const row = await db
      .selectFrom('app_user')
      .innerJoin('user_role', 'user_role.user_id', 'app_user.id')
      .innerJoin('org', 'org.id', 'user_role.org_id')
      .select(['app_user.id as userId', 'org.id as orgId', 'org.path as orgPath'])
      .where('app_user.username', '=', username)
      .where('user_role.role', '=', role)
      .executeTakeFirstOrThrow();
    const session = await loginAs(p.app, username);
    const me = (await session.request('GET', '/api/auth/me')).body as {
      activeAssignmentId: string;
      assignments: { id: string; role: string }[];
    };
    const wanted = me.assignments.find((a) => a.role === role)!;
    if (wanted.id !== me.activeAssignmentId) {
      // Act under the assignment of this role (qzh holds two).
      await session.request('PUT', '/api/auth/scope', { assignmentId: wanted.id });
    }
    const gridIds = (
      await db.selectFrom('grid_staff').select('grid_id').where('user_id', '=', row.userId).execute()
    ).map((g) => g.grid_id);
    users[role] = {
      role,
      username,
      session,
      orgId: row.orgId,
      orgPath: row.orgPath,
      userId: row.userId,
      gridIds,
    };
  }

  const s = await sessions(p);
  const point = await pointInGridOf(p, 'wangge');
  const description = (i: number) =>
    `门口垃圾堆放，联系 ${SECRET_PHONES[i % SECRET_PHONES.length]}，身份证 ${SECRET_IDS[i % SECRET_IDS.length]}（测试）`;
  const ownId = await caseIn(s, point, 'dispatched', {
    description: description(0),
    reporterPhone: SECRET_PHONES[1],
  });

  // Another village of the same town, dispatched to another of the town's platform offices.
  const departments = (await s.town.request('GET', '/api/departments')).body.items as {
    id: string;
    name: string;
  }[];
  const handlerDept = users.departmentHandler.orgId;
  const otherDept = departments.find((d) => d.id !== handlerDept && d.name.startsWith('金沙街道'))!;
  const otherVillageCase = await s.town.request('POST', '/api/cases', {
    categoryCode: '010101',
    description: description(1),
    orgId: otherVillage.id,
    source: 'hotline',
    reporterPhone: SECRET_PHONES[2],
  });
  if (otherVillageCase.status !== 201) {
    throw new Error(`report failed: ${otherVillageCase.status} ${JSON.stringify(otherVillageCase.body)}`);
  }
  const otherDeptId = otherVillageCase.body.id as string;
  for (const body of [
    { action: 'accept' },
    { action: 'register' },
    { action: 'dispatch', departmentId: otherDept.id },
  ]) {
    const res = await s.town.request('POST', `/api/cases/${otherDeptId}/actions`, body);
    if (res.status !== 200) {
      throw new Error(`${body.action} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  const shigang = await loginAs(p.app, 'shigang');
  const otherTownCase = await shigang.request('POST', '/api/cases', {
    categoryCode: '010101',
    description: description(2),
    orgId: otherTownVillage.id,
    source: 'hotline',
    reporterPhone: SECRET_PHONES[0],
  });
  if (otherTownCase.status !== 201) {
    throw new Error(`report failed: ${otherTownCase.status} ${JSON.stringify(otherTownCase.body)}`);
  }
  const rows = await db
    .selectFrom('case_file')
    .select(['id', 'tracking_code', 'org_path', 'department_path', 'grid_id', 'reporter_user_id'])
    .where('id', 'in', [ownId, otherDeptId, otherTownCase.body.id as string])
    .execute();
  const label = (id: string): ScopeLabel =>
    id === ownId ? 'own' : id === otherDeptId ? 'otherDepartment' : 'otherTown';
  const cases: FixtureCase[] = rows.map((r) => ({
    label: label(r.id),
    id: r.id,
    trackingCode: r.tracking_code,
    orgPath: r.org_path,
    departmentPath: r.department_path,
    gridId: r.grid_id,
    reporterUserId: r.reporter_user_id,
  }));
  return {
    p,
    users,
    cases,
    orgs: {
      ownVillage: { id: ownVillage.id, path: ownVillage.path },
      ownTown: { id: ownTown.id, path: ownTown.path },
      otherVillage: { id: otherVillage.id, path: otherVillage.path },
      otherTown: { id: otherTownVillage.id, path: otherTownVillage.path },
    },
  };
}
