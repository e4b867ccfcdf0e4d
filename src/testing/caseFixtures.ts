// Builders for case tests: a platform with grids and departments, a point in a user's grid, a case driven to a state.
import { getGridIndex } from '../grids/index.js';
import { type UserActor } from '../access/index.js';
import { authenticate } from '../identity/index.js';
import { loginAs, startTestPlatform, type Session, type TestPlatform } from './testPlatform.js';

export const CASE_STAGES = ['spine', 'catalogue', 'users', 'orgs', 'grids', 'departments'];

export async function startCasePlatform(env: Record<string, string> = {}): Promise<TestPlatform> {
  return startTestPlatform({ JOB_INTERVAL_MS: '600000', ...env }, { stages: CASE_STAGES, orgScale: 0.02 });
}

/** A WGS-84 point strictly inside a grid the user works in. */
export async function pointInGridOf(
  p: TestPlatform,
  username: string,
): Promise<{ lng: number; lat: number; gridId: string }> {
  const user = await p.database.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const staff = await p.database.db
    .selectFrom('grid_staff')
    .select('grid_id')
    .where('user_id', '=', user.id)
    .executeTakeFirstOrThrow();
  const grid = await p.database.db
    .selectFrom('grid')
    .selectAll()
    .where('id', '=', staff.grid_id)
    .executeTakeFirstOrThrow();
  const index = await getGridIndex(p.database);
  for (let i = 1; i < 400; i++) {
    // A deterministic scan of the box finds an inner point of any polygon shape.
    const fx = ((i * 0.618034) % 1) * 0.8 + 0.1;
    const fy = ((i * 0.414214) % 1) * 0.8 + 0.1;
    const lng = grid.min_lng + (grid.max_lng - grid.min_lng) * fx;
    const lat = grid.min_lat + (grid.max_lat - grid.min_lat) * fy;
    if (index.locate(lng, lat)?.gridId === grid.id) {
      return { lng, lat, gridId: grid.id };
    }
  }
  throw new Error(`no inner point found in grid ${grid.code}`);
}

export type Sessions = Record<
  'town' | 'handler' | 'grid' | 'village' | 'admin' | 'district' | 'otherHandler',
  Session
>;

export async function sessions(p: TestPlatform): Promise<Sessions> {
  return {
    town: await loginAs(p.app, 'jinsha'),
    handler: await loginAs(p.app, 'jszf'),
    grid: await loginAs(p.app, 'wangge'),
    village: await loginAs(p.app, 'dongshi'),
    admin: await loginAs(p.app, 'admin'),
    district: await loginAs(p.app, 'qzh'),
    otherHandler: await loginAs(p.app, 'cgj'),
  };
}

/** The actor behind a session, for calling use cases directly with a controlled clock. */
export async function actorOf(p: TestPlatform, s: Session): Promise<UserActor> {
  const secret = decodeURIComponent(s.cookie.split('=')[1] ?? '');
  const actor = await authenticate(
    p.database.db,
    { bearer: null, sessionSecret: secret },
    p.services.clock.now(),
    3600_000,
  );
  if (actor.kind !== 'user') {
    throw new Error('session expired');
  }
  return actor;
}

export type DriveTarget =
  | 'reported'
  | 'accepted'
  | 'registered'
  | 'dispatched'
  | 'handling'
  | 'handled'
  | 'checking'
  | 'checked'
  | 'closed';

const ORDER: DriveTarget[] = [
  'reported',
  'accepted',
  'registered',
  'dispatched',
  'handling',
  'handled',
  'checking',
  'checked',
  'closed',
];

/** Reports an exposed-garbage case in wangge's grid (routed to 金沙's law-enforcement platform, jszf) and drives it. */
export async function caseIn(
  s: Sessions,
  point: { lng: number; lat: number },
  target: DriveTarget,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const made = await s.town.request('POST', '/api/cases', {
    categoryCode: '010101',
    description: '小区门口暴露垃圾（测试）',
    lng: point.lng,
    lat: point.lat,
    source: 'hotline',
    reporterPhone: '13900001111',
    ...overrides,
  });
  if (made.status !== 201) {
    throw new Error(`report failed: ${made.status} ${JSON.stringify(made.body)}`);
  }
  const id = made.body.id as string;
  const steps: [DriveTarget, Session, Record<string, unknown>][] = [
    ['accepted', s.town, { action: 'accept' }],
    ['registered', s.town, { action: 'register' }],
    ['dispatched', s.town, { action: 'dispatch' }],
    ['handling', s.handler, { action: 'sign' }],
    ['handled', s.handler, { action: 'markHandled', comment: '已清运', isPublic: true }],
    ['checking', s.town, { action: 'sendToCheck' }],
    ['checked', s.grid, { action: 'checkPass' }],
    ['closed', s.town, { action: 'close' }],
  ];
  for (const [state, session, body] of steps) {
    if (ORDER.indexOf(state) > ORDER.indexOf(target)) {
      break;
    }
    let payload = body;
    if (body.action === 'dispatch') {
      const detail = await s.town.request('GET', `/api/cases/${id}`);
      payload = { ...body, departmentId: detail.body.suggestedDepartmentId };
    }
    const res = await session.request('POST', `/api/cases/${id}/actions`, payload);
    if (res.status !== 200) {
      throw new Error(`${String(body.action)} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  return id;
}
