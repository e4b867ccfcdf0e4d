// Generates a history of cases that went through the real workflow's steps — reports, verification, dispatch,
// extensions, returns, holds, reworks, escalations, self-handling, merges, ratings and call-backs — with deadlines
// from the real clock and routing, indicator facts from the real factsForCase, written in bulk in one transaction.
import { localFields } from '../../platform/time.js';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { isProvisional, loadWorkCalendar, type Limit, type WorkCalendar } from '../../calendar/index.js';
import { pickWeighted, seededRandom, type Random } from '../../demo/chineseNames.js';
import { compilePolygon, containsPoint, type CompiledPolygon } from '../../grids/pointInGrid.js';
import type { GridGeometry } from '../../grids/geometry.js';
import type { FieldCipher } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/database.js';
import { bulkInsert, toDbJson } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { scheduleJob } from '../../platform/jobs/jobs.js';
import { maskPhone } from '../../members/idNumber.js';
import { defaultCaseSettings } from '../caseSettings.js';
import { catalogueRepository, type Category } from '../catalogue/repository.js';
import { deadlinesFrom, timerKeys } from '../clock.js';
import { factMetrics, factRows, factsForCase, metricColumn, type Facts } from '../indicators/facts.js';
import { newTrackingCode } from '../intake/reportCase.js';
import type { CaseRow, NewStep } from '../repository.js';
import { resolveRoute } from '../routing/resolveRoute.js';
import { caseDescription } from './descriptions.js';

export type GenerateCasesOptions = {
  seed: number;
  /** Cases over the whole span. */
  count: number;
  /** The span ends now and reaches back this many days. */
  days: number;
  now: number;
  cipher: FieldCipher;
  progress?: (stage: string, done: number, total: number) => void;
  /** Cases held in memory at once; a larger count is generated and written span by span (benchmarks: 10M cases). */
  chunkSize?: number;
};

const MIN = 60_000;
const HOUR = 60 * MIN;

type GridInfo = {
  id: string;
  villageId: string;
  townId: string;
  path: string;
  polygon: CompiledPolygon;
  bbox: [number, number, number, number];
  workerUserId: string | null;
  workerName: string | null;
  partyOrgId: string | null;
};

type Actor = { id: string | null; name: string; role: string };

export async function generateCases(database: Database, options: GenerateCasesOptions): Promise<number> {
  const rand = seededRandom(options.seed ^ 0x5eed);
  const db = database.db;
  const cal = await loadWorkCalendar(db, options.now);
  const categories = (await catalogueRepository(db).all()).filter((c) => c.depth === 3 && c.active);
  const version = await catalogueRepository(db).currentVersion();
  const grids = await loadGrids(db);
  if (grids.length === 0 || categories.length === 0) {
    return 0;
  }
  const towns = await db
    .selectFrom('org')
    .select(['id', 'name', 'path'])
    .where('level', '=', 'town')
    .execute();
  const townName = new Map(towns.map((t) => [t.id, t.name]));
  const departments = await db
    .selectFrom('org')
    .select(['id', 'name', 'path'])
    .where('level', '=', 'department')
    .execute();
  const deptById = new Map(departments.map((d) => [d.id, d]));
  const handlers = await db
    .selectFrom('user_role')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select(['user_role.org_id', 'app_user.id', 'app_user.display_name', 'user_role.role'])
    .where('user_role.role', 'in', ['departmentHandler', 'townCommand', 'districtCommand'])
    .execute();
  const handlerOf = new Map(handlers.filter((h) => h.role === 'departmentHandler').map((h) => [h.org_id, h]));
  const commandOf = new Map(handlers.filter((h) => h.role !== 'departmentHandler').map((h) => [h.org_id, h]));

  const routeCache = new Map<string, { departmentId: string | null; limit: Limit | null }>();
  const routeFor = async (c: Category, g: GridInfo) => {
    const key = `${c.code}|${g.townId}`;
    let hit = routeCache.get(key);
    if (hit === undefined) {
      const r = await resolveRoute(db, {
        categoryCode: c.code,
        platform: c.platform,
        townId: g.townId,
        villageId: null,
        gridId: null,
      });
      hit = { departmentId: r.route?.departmentId ?? null, limit: r.route?.limit ?? null };
      routeCache.set(key, hit);
    }
    return hit;
  };

  // Frequent problems are reported more often: garbage, disputes, street vending, lights.
  const weighted = categories.map((c) => [c, weightOf(c)] as const);
  const start = options.now - options.days * 24 * HOUR;
  const chunks = Math.max(1, Math.ceil(options.count / (options.chunkSize ?? 250_000)));
  const env: ChunkEnv = {
    rand,
    cal,
    database,
    options,
    grids,
    weighted,
    version,
    townName,
    deptById,
    handlerOf,
    commandOf,
    routeFor,
  };
  let made = 0;
  for (let k = 0; k < chunks; k++) {
    // Each chunk is a slice of the span in time order, with its share of the cases, written in its own transaction.
    const count = Math.floor((options.count * (k + 1)) / chunks) - Math.floor((options.count * k) / chunks);
    const from = start + ((options.now - start) * k) / chunks;
    const to = start + ((options.now - start) * (k + 1)) / chunks;
    made += await generateChunk(env, { count, from, to, offset: made, isFirst: k === 0 });
  }
  options.progress?.('cases', options.count, options.count);
  return made;
}

type ChunkEnv = {
  rand: Random;
  cal: WorkCalendar;
  database: Database;
  options: GenerateCasesOptions;
  grids: GridInfo[];
  weighted: (readonly [Category, number])[];
  version: number;
  townName: Map<string, string>;
  deptById: Map<string, { id: string; name: string; path: string }>;
  handlerOf: Map<string, { id: string; display_name: string }>;
  commandOf: Map<string, { id: string; display_name: string }>;
  routeFor: (c: Category, g: GridInfo) => Promise<{ departmentId: string | null; limit: Limit | null }>;
};

async function generateChunk(
  env: ChunkEnv,
  chunk: { count: number; from: number; to: number; offset: number; isFirst: boolean },
): Promise<number> {
  const { rand, cal, database, options, grids, weighted, version, townName, deptById, handlerOf, commandOf } =
    env;
  const db = database.db;
  const facts: Facts = new Map();
  const openByPath = new Map<string, number>();
  const cases: CaseRow[] = [];
  const steps: NewStep[] = [];
  const parties: DB['case_party'][] = [];
  const timers: { kind: string; key: string; dueAt: number; payload: unknown }[] = [];
  const reportTimes = Array.from({ length: chunk.count }, () =>
    reportInstant(rand, chunk.from, chunk.to),
  ).sort((a, b) => a - b);
  const phones = ['13912340000', '13855551111', '15062223333', '18951114444', '13776665555'];

  for (let j = 0; j < chunk.count; j++) {
    const i = chunk.offset + j;
    const reportedAt = reportTimes[j]!;
    const category = pickWeighted(rand, weighted);
    const grid = grids[Math.floor(rand() * grids.length)]!;
    const [lng, lat] = pointIn(rand, grid);
    const source = pickWeighted(rand, [
      ['patrol', 45],
      ['resident', 25],
      ['hotline', 20],
      ['walkIn', 5],
      ['centralHousehold', 5],
    ] as const);
    const urgency = rand() < 0.08 ? 'urgent' : 'normal';
    const command = commandOf.get(grid.townId);
    const commandActor: Actor = {
      id: command?.id ?? null,
      name: command?.display_name ?? `${townName.get(grid.townId) ?? ''}指挥中心`,
      role: 'townCommand',
    };
    const workerActor: Actor = {
      id: grid.workerUserId,
      name: grid.workerName ?? '网格员',
      role: 'gridWorker',
    };
    const route = await env.routeFor(category, grid);
    const phone =
      source === 'patrol' ? null : phones[i % phones.length]!.slice(0, 7) + String(1000 + (i % 9000));
    const id = newId(reportedAt);
    const c: CaseRow = {
      id,
      tracking_code: newTrackingCode(reportedAt),
      source,
      kind: category.kind,
      category_code: category.code,
      catalogue_version: version,
      net: category.net,
      platform: category.platform,
      urgency,
      state: 'reported',
      level: 'town',
      description: caseDescription(rand, category),
      description_enc: null,
      address: null,
      lng,
      lat,
      grid_id: grid.id,
      village_id: grid.villageId,
      town_id: grid.townId,
      // The district is the root of the grid's path, so a set of several districts generates alike.
      district_id: grid.path.split('/')[1] ?? '',
      org_path: grid.path,
      department_id: null,
      department_path: null,
      handler_user_id: null,
      reporter_user_id: source === 'patrol' ? grid.workerUserId : null,
      reporter_name_enc: null,
      reporter_phone_enc: phone === null ? null : options.cipher.encrypt(phone),
      reporter_phone_masked: phone === null ? null : maskPhone(phone),
      reporter_key: phone === null ? null : options.cipher.blindIndex(phone),
      is_anonymous: phone !== null && rand() < 0.1 ? 1 : 0,
      merged_into_id: null,
      pending_request: null,
      pending_from_state: null,
      pending_minutes: null,
      reported_at: reportedAt,
      registered_at: null,
      dispatched_at: null,
      handled_at: null,
      closed_at: null,
      limit_json: null,
      deadline_at: null,
      deadline_provisional: 0,
      yellow_at: null,
      paused_at: null,
      state_since: reportedAt,
      step_deadline_at: null,
      rework_count: 0,
      return_count: 0,
      extension_count: 0,
      escalation_count: 0,
      supervision: null,
      rating: null,
      rating_comment: null,
      rated_at: null,
      self_handled: 0,
      extra: null,
      photo_count: 0,
      patrol_id: null,
      updated_at: reportedAt,
      version: 1,
    };
    const history = simulate(rand, c, {
      category,
      cal,
      now: options.now,
      command: commandActor,
      worker: workerActor,
      route,
      dept: route.departmentId === null ? null : (deptById.get(route.departmentId) ?? null),
      handler: route.departmentId === null ? null : (handlerOf.get(route.departmentId) ?? null),
    });
    cases.push(c);
    steps.push(...history);
    for (const [k, v] of factsForCase(
      c,
      history.map((s) => ({
        action: s.action,
        at: s.at,
        actor_id: s.actor_id,
        data: s.data === null ? null : (JSON.parse(s.data) as Record<string, unknown>),
      })),
    )) {
      facts.set(k, (facts.get(k) ?? 0) + v);
    }
    const isOpen = !['closed', 'voided', 'merged'].includes(c.state);
    if (isOpen) {
      openByPath.set(c.org_path, (openByPath.get(c.org_path) ?? 0) + 1);
      if (c.deadline_at !== null && c.paused_at === null) {
        const keys = timerKeys(c.id);
        if (c.supervision === null && c.yellow_at !== null && c.yellow_at > options.now) {
          timers.push({
            kind: 'case.yellow',
            key: keys.yellow,
            dueAt: c.yellow_at,
            payload: { caseId: c.id, deadlineAt: c.deadline_at },
          });
        }
        if (c.supervision !== 'red' && c.deadline_at > options.now) {
          timers.push({
            kind: 'case.red',
            key: keys.red,
            dueAt: c.deadline_at + 1,
            payload: { caseId: c.id, deadlineAt: c.deadline_at },
          });
        }
      }
    }
    if (grid.workerUserId !== null || grid.workerName !== null) {
      parties.push({
        case_id: c.id,
        role: 'gridWorker',
        user_id: grid.workerUserId,
        org_id: null,
        name: grid.workerName,
      });
    }
    if (c.department_id !== null) {
      parties.push({
        case_id: c.id,
        role: 'department',
        user_id: null,
        org_id: c.department_id,
        name: deptById.get(c.department_id)?.name ?? null,
      });
    }
    if (commandActor.id !== null) {
      parties.push({
        case_id: c.id,
        role: 'townLeader',
        user_id: commandActor.id,
        org_id: grid.townId,
        name: commandActor.name,
      });
    }
    if (i % 5000 === 0) {
      options.progress?.('cases', i, options.count);
    }
  }

  await db.transaction().execute(async (trx) => {
    await bulkInsert(database, trx, 'case_file', cases);
    await bulkInsert(database, trx, 'case_step', steps);
    await bulkInsert(database, trx, 'case_party', parties);
    if (chunk.isFirst) {
      await bulkInsert(database, trx, 'case_fact', factRows(facts));
    } else {
      await addFacts(trx, factRows(facts));
    }
    if (database.dialect === 'sqlite') {
      await bulkInsert(
        database,
        trx,
        'case_fts',
        cases.map((c) => ({ case_id: c.id, body: `${c.description} ${c.address ?? ''}` })),
      );
    }
    const rollups = new Map<string, number>();
    for (const [path, n] of openByPath) {
      for (const orgId of path.split('/').filter((s) => s !== '')) {
        rollups.set(orgId, (rollups.get(orgId) ?? 0) + n);
      }
    }
    for (const [orgId, n] of rollups) {
      await trx
        .insertInto('org_rollup')
        .values({ org_id: orgId, metric: 'case.open', value: n })
        .onConflict((oc) =>
          oc.columns(['org_id', 'metric']).doUpdateSet({ value: sql`org_rollup.value + excluded.value` }),
        )
        .execute();
    }
    for (const t of timers) {
      await scheduleJob(trx, {
        kind: t.kind,
        key: t.key,
        dueAt: t.dueAt,
        payload: t.payload,
        now: options.now,
      });
    }
  });
  return cases.length;
}

/** Adds a later chunk's facts to the rows earlier chunks wrote for the same unit and day. */
async function addFacts(trx: Kysely<DB>, rows: ReturnType<typeof factRows>): Promise<void> {
  const set = Object.fromEntries(
    factMetrics.map((m) => [
      metricColumn(m),
      sql`case_fact.${sql.ref(metricColumn(m))} + excluded.${sql.ref(metricColumn(m))}`,
    ]),
  );
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('case_fact')
      .values(rows.slice(i, i + 1000) as never)
      .onConflict((oc) => oc.columns(['unit_id', 'day']).doUpdateSet(set))
      .execute();
  }
}

function weightOf(c: Category): number {
  const heavy: Record<string, number> = {
    '010101': 14,
    '010102': 5,
    '010103': 6,
    '070102': 9,
    '030101': 7,
    '060101': 6,
    '040102': 5,
    '040101': 4,
    '020101': 4,
    '030105': 4,
    '060201': 3,
    '060202': 3,
    '010301': 3,
    '010201': 3,
    '030104': 2,
    '070201': 2,
  };
  return heavy[c.code] ?? 1;
}

/** Working hours see most reports; nights few. */
function reportInstant(rand: Random, from: number, to: number): number {
  for (;;) {
    const t = from + rand() * (to - from);
    const hour = localFields(t).getUTCHours();
    const weight = hour >= 8 && hour < 18 ? 1 : hour >= 6 && hour < 22 ? 0.45 : 0.08;
    if (rand() < weight) {
      return Math.floor(t);
    }
  }
}

function pointIn(rand: Random, g: GridInfo): [number, number] {
  const [x0, y0, x1, y1] = g.bbox;
  for (let i = 0; i < 200; i++) {
    const x = x0 + rand() * (x1 - x0);
    const y = y0 + rand() * (y1 - y0);
    if (containsPoint(g.polygon, x, y)) {
      return [Number(x.toFixed(6)), Number(y.toFixed(6))];
    }
  }
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}

async function loadGrids(db: Kysely<DB>): Promise<GridInfo[]> {
  const rows = await db
    .selectFrom('grid')
    .select([
      'id',
      'village_id',
      'town_id',
      'org_path',
      'geometry',
      'min_lng',
      'min_lat',
      'max_lng',
      'max_lat',
      'party_org_id',
    ])
    .where('status', '=', 'active')
    .orderBy('code')
    .execute();
  const staff = await db
    .selectFrom('grid_staff')
    .select(['grid_id', 'user_id', 'name'])
    .where('role', '=', 'worker')
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .execute();
  const workerOf = new Map<string, { user_id: string | null; name: string }>();
  for (const s of staff) {
    const prev = workerOf.get(s.grid_id);
    if (prev === undefined || (prev.user_id === null && s.user_id !== null)) {
      workerOf.set(s.grid_id, s);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    villageId: r.village_id,
    townId: r.town_id,
    path: r.org_path,
    polygon: compilePolygon(JSON.parse(r.geometry) as GridGeometry),
    bbox: [r.min_lng, r.min_lat, r.max_lng, r.max_lat],
    workerUserId: workerOf.get(r.id)?.user_id ?? null,
    workerName: workerOf.get(r.id)?.name ?? null,
    partyOrgId: r.party_org_id,
  }));
}

type SimContext = {
  category: Category;
  cal: WorkCalendar;
  now: number;
  command: Actor;
  worker: Actor;
  route: { departmentId: string | null; limit: Limit | null };
  dept: { id: string; name: string; path: string } | null;
  handler: { id: string; display_name: string } | null;
};

/** Walks one case through a plausible history, stopping at `now`; mutates the case to its state at `now`. */
function simulate(rand: Random, c: CaseRow, x: SimContext): NewStep[] {
  const out: NewStep[] = [];
  let t = c.reported_at;
  let state = 'reported';
  const limits = defaultCaseSettings.stepLimits;
  const tier = c.urgency === 'urgent' ? 'urgent' : 'normal';
  const push = (
    action: string,
    to: string,
    actor: Actor,
    at: number,
    data: Record<string, unknown> | null = null,
    comment: string | null = null,
    isPublic = false,
  ): boolean => {
    if (at > x.now) {
      return false;
    }
    out.push({
      case_id: c.id,
      seq: out.length + 1,
      at,
      actor_id: actor.id,
      actor_name: actor.name,
      actor_role: actor.role,
      action,
      from_state: out.length === 0 ? null : state,
      to_state: to,
      comment,
      is_public: isPublic ? 1 : 0,
      data: toDbJson(data),
    });
    state = to;
    c.state = to;
    c.state_since = at;
    c.updated_at = at;
    c.version += 1;
    t = at;
    return true;
  };
  const reporter: Actor = c.source === 'patrol' ? x.worker : { id: null, name: '群众', role: 'resident' };
  push('report', 'reported', reporter, c.reported_at, { source: c.source, level: 'town' }, null, true);
  const gap = (lo: number, hi: number) => t + Math.floor((lo + rand() * (hi - lo)) * MIN);

  // Settled on the spot by the grid worker.
  if (c.source === 'patrol' && x.category.selfHandle && rand() < 0.5) {
    c.level = 'grid';
    if (push('selfHandle', 'closed', x.worker, gap(5, 60), null, '现场已处置', true)) {
      c.self_handled = 1;
      c.closed_at = t;
      c.handled_at = t;
    }
    return out;
  }
  if (c.source === 'resident' && rand() < 0.5) {
    if (!push('sendToVerify', 'verifying', x.command, gap(2, 25))) {
      return out;
    }
    if (!push('verify', 'accepted', x.worker, gap(10, 90))) {
      return out;
    }
  } else if (!push('accept', 'accepted', x.command, gap(1, tier === 'urgent' ? 12 : 40))) {
    return out;
  }
  if (rand() < 0.06) {
    push('void', 'voided', x.command, gap(2, 30), null, '经核实不属于受理范围', true);
    return out;
  }
  const registerAt = gap(1, tier === 'urgent' ? 12 : 35);
  const onTime = registerAt - c.reported_at <= (limits.accept[tier] + limits.register[tier]) * MIN;
  if (!push('register', 'registered', x.command, registerAt, { onTime })) {
    return out;
  }
  c.registered_at = t;
  if (rand() < 0.02) {
    if (!push('escalate', 'accepted', x.command, gap(5, 60), { toLevel: 'district' }, '需区级部门协同处置')) {
      return out;
    }
    c.level = 'district';
    c.escalation_count = 1;
    if (!push('register', 'registered', x.command, gap(5, 40), { onTime: false })) {
      return out;
    }
  }
  if (x.dept === null) {
    return out;
  }
  let returned = false;
  for (let cycle = 0; cycle < 2; cycle++) {
    const limit: Limit =
      x.route.limit ?? (c.urgency === 'urgent' ? x.category.limits.urgent : x.category.limits.normal);
    const dispatchAt = gap(1, tier === 'urgent' ? 12 : 40);
    const marks = deadlinesFrom(dispatchAt, limit, x.cal);
    if (
      !push('dispatch', 'dispatched', x.command, dispatchAt, {
        departmentId: x.dept.id,
        departmentName: x.dept.name,
        deadlineAt: marks.deadlineAt,
        limit,
        routedBy: 'rule',
        rightFirstTime: !returned,
      })
    ) {
      return out;
    }
    Object.assign(c, {
      department_id: x.dept.id,
      department_path: x.dept.path,
      dispatched_at: t,
      limit_json: JSON.stringify(limit),
      deadline_at: marks.deadlineAt,
      deadline_provisional: isProvisional(x.cal, dispatchAt, marks.deadlineAt, limit.unit) ? 1 : 0,
      yellow_at: marks.yellowAt,
    });
    const handler: Actor = {
      id: x.handler?.id ?? null,
      name: x.handler?.display_name ?? `${x.dept.name}处置员`,
      role: 'departmentHandler',
    };
    const signAt = gap(3, rand() < 0.9 ? limits.sign[tier] : 180);
    if (
      !push('sign', 'handling', handler, signAt, { onTime: signAt - dispatchAt <= limits.sign[tier] * MIN })
    ) {
      return supervise(c, out, x.now);
    }
    c.handler_user_id = handler.id;
    if (!returned && rand() < 0.04) {
      if (
        !push(
          'requestReturn',
          'pendingApproval',
          handler,
          gap(10, 120),
          { request: 'return' },
          '不属于本部门职责',
        )
      ) {
        return pauseAt(c, out, 'return');
      }
      if (!push('approve', 'registered', x.command, gap(5, 60), { request: 'return' })) {
        return pauseAt(c, out, 'return');
      }
      Object.assign(c, {
        department_id: null,
        department_path: null,
        deadline_at: null,
        yellow_at: null,
        limit_json: null,
        handler_user_id: null,
        return_count: 1,
      });
      returned = true;
      continue;
    }
    let deadline = marks.deadlineAt;
    if (rand() < 0.05) {
      if (
        !push(
          'requestExtension',
          'pendingApproval',
          handler,
          t + Math.floor((deadline - t) * 0.5),
          { request: 'extension', minutes: 450 },
          '需协调相关单位，申请延期',
        )
      ) {
        return pauseAt(c, out, 'extension');
      }
      const pausedFrom = t;
      if (!push('approve', 'handling', x.command, gap(10, 90), { request: 'extension' })) {
        return pauseAt(c, out, 'extension');
      }
      deadline = deadlinesFrom(
        deadline + (t - pausedFrom),
        { amount: 1, unit: 'workDays' },
        x.cal,
      ).deadlineAt;
      out.at(-1)!.data = toDbJson({ request: 'extension', deadlineAt: deadline });
      c.deadline_at = deadline;
      c.extension_count = 1;
    }
    if (rand() < 0.03) {
      if (
        !push(
          'requestHold',
          'pendingApproval',
          handler,
          gap(30, 300),
          { request: 'hold' },
          '需长期整治，申请挂账',
        )
      ) {
        return pauseAt(c, out, 'hold');
      }
      if (!push('approve', 'onHold', x.command, gap(10, 120), { request: 'hold' })) {
        return pauseAt(c, out, 'hold');
      }
      const heldFrom = t;
      if (!push('resume', 'handling', x.command, t + Math.floor((2 + rand() * 20) * 24 * HOUR), {})) {
        c.paused_at = heldFrom;
        return out;
      }
      deadline += t - heldFrom;
      out.at(-1)!.data = toDbJson({ deadlineAt: deadline });
      c.deadline_at = deadline;
    }
    const span = Math.max(30 * MIN, deadline - dispatchAt);
    const isLate = rand() < 0.12;
    const handledAt = dispatchAt + Math.floor(span * (isLate ? 1.05 + rand() : 0.1 + rand() * 0.85));
    if (
      !push('markHandled', 'handled', handler, Math.max(handledAt, t + MIN), null, '已按要求处置完毕', true)
    ) {
      return supervise(c, out, x.now);
    }
    c.handled_at = t;
    let reworked = false;
    for (;;) {
      if (!push('sendToCheck', 'checking', x.command, gap(3, 40))) {
        return out;
      }
      if (!reworked && rand() < 0.06) {
        reworked = true;
        if (!push('checkFail', 'handling', x.worker, gap(20, 120), null, '现场核查未整改到位')) {
          return out;
        }
        c.rework_count = 1;
        if (!push('markHandled', 'handled', handler, gap(60, 600), null, '已返工整改', true)) {
          return out;
        }
        continue;
      }
      break;
    }
    if (!push('checkPass', 'checked', x.worker, gap(20, 110))) {
      return out;
    }
    if (!push('close', 'closed', x.command, gap(3, 45), null, '经核查已办结', true)) {
      return out;
    }
    c.closed_at = t;
    if (c.source !== 'patrol' && rand() < 0.62) {
      const rating = pickWeighted(rand, [
        [5, 45],
        [4, 30],
        [3, 15],
        [2, 7],
        [1, 3],
      ] as const);
      if (
        push(
          'rate',
          'closed',
          { id: null, name: '诉求人', role: 'reporter' },
          gap(60, 48 * 60),
          { rating },
          null,
          true,
        )
      ) {
        Object.assign(c, { rating, rated_at: t });
        if (rating <= 2 && rand() < 0.5) {
          push('reopen', 'registered', x.command, gap(60, 400), null, '回访：群众不满意，重新办理');
          Object.assign(c, {
            closed_at: null,
            handled_at: null,
            department_id: null,
            department_path: null,
            deadline_at: null,
            yellow_at: null,
            limit_json: null,
            rating: null,
          });
        }
      }
    }
    break;
  }
  return supervise(c, out, x.now);
}

function pauseAt(c: CaseRow, out: NewStep[], request: string): NewStep[] {
  if (c.state === 'pendingApproval') {
    c.pending_request = request;
    c.pending_from_state = 'handling';
    c.paused_at = c.state_since;
  }
  return out;
}

/** Open cases past 80 % or 100 % of their limit carry the card the timers would have raised. */
function supervise(c: CaseRow, out: NewStep[], now: number): NewStep[] {
  if (
    ['closed', 'voided', 'merged', 'pendingApproval', 'onHold'].includes(c.state) ||
    c.deadline_at === null ||
    c.yellow_at === null
  ) {
    return out;
  }
  const state = c.state;
  for (const [card, at] of [
    ['yellow', c.yellow_at],
    ['red', c.deadline_at + 1],
  ] as const) {
    if (at <= now && at >= (out.at(-1)?.at ?? 0)) {
      out.push({
        case_id: c.id,
        seq: out.length + 1,
        at,
        actor_id: null,
        actor_name: '系统',
        actor_role: 'system',
        action: 'supervise',
        from_state: state,
        to_state: state,
        comment: card === 'red' ? '超过处置时限，自动红牌督办' : '已用处置时限的80%，自动黄牌督办',
        is_public: 0,
        data: toDbJson({ card, automatic: true }),
      });
      c.supervision = card;
    }
  }
  return out;
}
