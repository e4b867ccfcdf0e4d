// Generates a history of cases that went through the real workflow's steps — reports, verification, dispatch,
// extensions, returns, holds, reworks, escalations, self-handling, merges, ratings and call-backs — with deadlines
// from the real clock and routing, indicator facts from the real factsForCase, written in bulk in one transaction.
import { localFields } from '../../platform/time.js';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import {
  addLimit,
  isProvisional,
  loadWorkCalendar,
  type Limit,
  type WorkCalendar,
} from '../../calendar/index.js';
import { pickWeighted, seededRandom, type Random } from '../../demo/chineseNames.js';
import {
  activeGridsWithWorkers,
  compilePolygon,
  containsPoint,
  type CompiledPolygon,
  type GridGeometry,
} from '../../grids/index.js';
import { holdersOfRoles } from '../../identity/index.js';
import { orgDirectory } from '../../orgs/index.js';
import type { FieldCipher } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/database.js';
import { bulkInsert, toDbJson } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { scheduleJob } from '../../platform/jobs/jobs.js';
import { maskPhone } from '../../members/index.js';
import { defaultCaseSettings } from '../caseSettings.js';
import { catalogueRepository, type Category } from '../catalogue/repository.js';
import { deadlinesFrom, shiftedByPause, timerKeys } from '../clock.js';
import { factMetrics, factRows, factsForCase, metricColumn, type Facts } from '../indicators/facts.js';
import { newTrackingCode } from '../intake/reportCase.js';
import type { CaseRow, NewStep } from '../repository.js';
import { resolveRoute } from '../routing/resolveRoute.js';
import { isOpenState, pausedStates, type CaseAction, type Seat } from '../workflow/stateMachine.js';
import type { ActorKind, StepReason } from '../workflow/stepCodes.js';
import { transition, type TransitionInput } from '../workflow/transition.js';
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

/** Who takes a generated step: an account (or a named person without one), and the seat they act in. */
type Actor = { id: string | null; name: string | null; role: string; seat: Seat; kind: ActorKind };

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
  const departments = await orgDirectory(db, database.dialect).activeAtLevel('department');
  const deptById = new Map(departments.map((d) => [d.id, { id: d.id, name: d.name, path: d.path }]));
  const holders = (await holdersOfRoles(db, ['departmentHandler', 'townCommand', 'districtCommand'])).map(
    (h) => ({ ...h, id: h.userId, display_name: h.displayName }),
  );
  const handlerOf = new Map(holders.filter((h) => h.role === 'departmentHandler').map((h) => [h.orgId, h]));
  const commandOf = new Map(holders.filter((h) => h.role !== 'departmentHandler').map((h) => [h.orgId, h]));

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
  deptById: Map<string, { id: string; name: string; path: string }>;
  handlerOf: Map<string, { id: string; display_name: string }>;
  commandOf: Map<string, { id: string; display_name: string }>;
  routeFor: (c: Category, g: GridInfo) => Promise<{ departmentId: string | null; limit: Limit | null }>;
};

async function generateChunk(
  env: ChunkEnv,
  chunk: { count: number; from: number; to: number; offset: number; isFirst: boolean },
): Promise<number> {
  const { rand, cal, database, options, grids, weighted, version, deptById, handlerOf, commandOf } = env;
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
      name: command?.display_name ?? null,
      role: 'townCommand',
      seat: 'command',
      kind: 'user',
    };
    const workerActor: Actor = {
      id: grid.workerUserId,
      name: grid.workerName,
      role: 'gridWorker',
      seat: 'gridWorker',
      kind: 'user',
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
  return (await activeGridsWithWorkers(db)).map((r) => ({
    id: r.id,
    villageId: r.village_id,
    townId: r.town_id,
    path: r.org_path,
    polygon: compilePolygon(JSON.parse(r.geometry) as GridGeometry),
    bbox: [r.min_lng, r.min_lat, r.max_lng, r.max_lat],
    workerUserId: r.worker?.userId ?? null,
    workerName: r.worker?.name ?? null,
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

const SYSTEM: Actor = { id: null, name: null, role: 'system', seat: 'system', kind: 'system' };

type Act = { data?: Record<string, unknown>; reason?: StepReason; input?: Partial<TransitionInput> };

/**
 * Walks one case through a plausible history, stopping at `now`; mutates the case to its state at `now`. Every move
 * goes through the workflow's own transition, so the table refuses anything the live path would refuse.
 */
function simulate(rand: Random, c: CaseRow, x: SimContext): NewStep[] {
  const out: NewStep[] = [];
  let t = c.reported_at;
  const limits = defaultCaseSettings.stepLimits;
  const tier = c.urgency === 'urgent' ? 'urgent' : 'normal';
  /** One workflow action at `at`; false (and nothing happens) when `at` lies past now. */
  const act = (action: CaseAction, actor: Actor, at: number, extra: Act = {}): boolean => {
    if (at > x.now) {
      return false;
    }
    const moved = transition(
      c,
      { kind: actor.kind, seats: [actor.seat] },
      { action, reason: extra.reason, ...extra.input },
      at,
    );
    Object.assign(c, moved.patch);
    if (moved.resumesClock) {
      c.paused_at = null;
    }
    const data = { ...moved.data, ...(extra.data ?? {}) };
    out.push({
      case_id: c.id,
      seq: out.length + 1,
      at,
      actor_id: actor.id,
      actor_name: actor.name,
      actor_role: actor.role,
      actor_kind: actor.kind,
      ...moved.step,
      data: toDbJson(Object.keys(data).length === 0 ? null : { ...data, level: moved.level }),
    });
    c.version += 1;
    t = at;
    return true;
  };
  /** Both marks of the clock once a pause that ends at `at` is over. */
  const resumedMarks = (at: number) => {
    const marks = shiftedByPause(c, at, x.cal);
    return { deadlineAt: marks.deadlineAt ?? c.deadline_at, yellowAt: marks.yellowAt ?? c.yellow_at };
  };
  const isProvisionalFrom = (from: number, limit: Limit): number =>
    c.deadline_at !== null && isProvisional(x.cal, from, c.deadline_at, limit.unit) ? 1 : 0;

  const reporter: Actor =
    c.source === 'patrol'
      ? x.worker
      : { id: null, name: null, role: 'resident', seat: 'reporter', kind: 'resident' };
  out.push({
    case_id: c.id,
    seq: 1,
    at: c.reported_at,
    actor_id: reporter.id,
    actor_name: reporter.name,
    actor_role: reporter.role,
    actor_kind: reporter.kind,
    action: 'report',
    from_state: null,
    to_state: 'reported',
    comment: null,
    reason_code: null,
    is_public: 1,
    data: toDbJson({ source: c.source, level: 'town' }),
  });
  const gap = (lo: number, hi: number) => t + Math.floor((lo + rand() * (hi - lo)) * MIN);

  // Settled on the spot by the grid worker. The generated history keeps no photo files; the table's photo need is
  // taken as met by the one the worker would have taken.
  if (c.source === 'patrol' && x.category.selfHandle && rand() < 0.5) {
    c.level = 'grid';
    act('selfHandle', x.worker, gap(5, 60), {
      reason: 'settledOnSpot',
      input: { photoCount: 1, isPublic: true },
    });
    return out;
  }
  if (c.source === 'resident' && rand() < 0.5) {
    if (!act('sendToVerify', x.command, gap(2, 25))) {
      return out;
    }
    if (!act('verify', x.worker, gap(10, 90))) {
      return out;
    }
  } else if (!act('accept', x.command, gap(1, tier === 'urgent' ? 12 : 40))) {
    return out;
  }
  if (rand() < 0.06) {
    act('void', x.command, gap(2, 30), { reason: 'outOfScope' });
    return out;
  }
  const registerAt = gap(1, tier === 'urgent' ? 12 : 35);
  const onTime = registerAt - c.reported_at <= (limits.accept[tier] + limits.register[tier]) * MIN;
  if (!act('register', x.command, registerAt, { data: { onTime } })) {
    return out;
  }
  if (rand() < 0.02) {
    if (!act('escalate', x.command, gap(5, 60), { reason: 'needsDistrict' })) {
      return out;
    }
    if (!act('register', x.command, gap(5, 40), { data: { onTime: false } })) {
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
      !act('dispatch', x.command, dispatchAt, {
        input: { departmentId: x.dept.id },
        data: {
          departmentId: x.dept.id,
          departmentName: x.dept.name,
          deadlineAt: marks.deadlineAt,
          limit,
          routedBy: 'rule',
          rightFirstTime: !returned,
        },
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
      yellow_at: marks.yellowAt,
    });
    c.deadline_provisional = isProvisionalFrom(dispatchAt, limit);
    const handler: Actor = {
      id: x.handler?.id ?? null,
      name: x.handler?.display_name ?? null,
      role: 'departmentHandler',
      seat: 'handler',
      kind: 'user',
    };
    const signAt = gap(3, rand() < 0.9 ? limits.sign[tier] : 180);
    if (!act('sign', handler, signAt, { data: { onTime: signAt - dispatchAt <= limits.sign[tier] * MIN } })) {
      return supervise(c, out, x.now, act);
    }
    c.handler_user_id = handler.id;
    if (!returned && rand() < 0.04) {
      if (!act('requestReturn', handler, gap(10, 120), { reason: 'notOurDuty' })) {
        return out;
      }
      if (!act('approve', x.command, gap(5, 60))) {
        return out;
      }
      returned = true;
      continue;
    }
    if (rand() < 0.05) {
      const askAt = t + Math.floor(((c.deadline_at ?? t) - t) * 0.5);
      if (
        !act('requestExtension', handler, askAt, { reason: 'needsCoordination', input: { minutes: 450 } })
      ) {
        return out;
      }
      const approveAt = gap(10, 90);
      const resumed = resumedMarks(approveAt);
      const extended =
        resumed.deadlineAt === null ? null : addLimit(resumed.deadlineAt, 450, limit.unit, x.cal);
      if (!act('approve', x.command, approveAt, { data: { deadlineAt: extended } })) {
        return out;
      }
      Object.assign(c, {
        deadline_at: extended,
        yellow_at: resumed.yellowAt,
        extension_count: c.extension_count + 1,
        supervision: null,
      });
      c.deadline_provisional = isProvisionalFrom(approveAt, limit);
    }
    if (rand() < 0.03) {
      if (!act('requestHold', handler, gap(30, 300), { reason: 'longTermWork' })) {
        return out;
      }
      if (!act('approve', x.command, gap(10, 120))) {
        return out;
      }
      const resumeAt = t + Math.floor((2 + rand() * 20) * 24 * HOUR);
      const resumed = resumedMarks(resumeAt);
      if (!act('resume', x.command, resumeAt, { data: { deadlineAt: resumed.deadlineAt } })) {
        return out;
      }
      Object.assign(c, { deadline_at: resumed.deadlineAt, yellow_at: resumed.yellowAt });
      c.deadline_provisional = isProvisionalFrom(resumeAt, limit);
    }
    const deadline = c.deadline_at ?? marks.deadlineAt;
    const span = Math.max(30 * MIN, deadline - dispatchAt);
    const isLate = rand() < 0.12;
    const handledAt = dispatchAt + Math.floor(span * (isLate ? 1.05 + rand() : 0.1 + rand() * 0.85));
    if (
      !act('markHandled', handler, Math.max(handledAt, t + MIN), {
        reason: 'handledAsRequired',
        input: { isPublic: true },
      })
    ) {
      return supervise(c, out, x.now, act);
    }
    let reworked = false;
    for (;;) {
      if (!act('sendToCheck', x.command, gap(3, 40))) {
        return out;
      }
      if (!reworked && rand() < 0.06) {
        reworked = true;
        if (!act('checkFail', x.worker, gap(20, 120), { reason: 'notFixed' })) {
          return out;
        }
        if (!act('markHandled', handler, gap(60, 600), { reason: 'reworkDone', input: { isPublic: true } })) {
          return out;
        }
        continue;
      }
      break;
    }
    if (!act('checkPass', x.worker, gap(20, 110))) {
      return out;
    }
    if (!act('close', x.command, gap(3, 45), { reason: 'closedAfterCheck' })) {
      return out;
    }
    if (c.source !== 'patrol' && rand() < 0.62) {
      const rating = pickWeighted(rand, [
        [5, 45],
        [4, 30],
        [3, 15],
        [2, 7],
        [1, 3],
      ] as const);
      const ratedAt = gap(60, 48 * 60);
      if (ratedAt <= x.now) {
        // Rating is not a workflow move: the reporter's step, written as rateCase writes it.
        out.push({
          case_id: c.id,
          seq: out.length + 1,
          at: ratedAt,
          actor_id: null,
          actor_name: null,
          actor_role: 'reporter',
          actor_kind: 'reporter',
          action: 'rate',
          from_state: 'closed',
          to_state: 'closed',
          comment: null,
          reason_code: null,
          is_public: 1,
          data: toDbJson({ rating }),
        });
        Object.assign(c, { rating, rated_at: ratedAt, updated_at: ratedAt, version: c.version + 1 });
        t = ratedAt;
        if (rating <= 2 && rand() < 0.5) {
          act('reopen', x.command, gap(60, 400), { reason: 'callBackReopen' });
        }
      }
    }
    break;
  }
  return supervise(c, out, x.now, act);
}

/** Open cases past 80 % or 100 % of their limit carry the card the timers would have raised. */
function supervise(
  c: CaseRow,
  out: NewStep[],
  now: number,
  act: (action: CaseAction, actor: Actor, at: number, extra?: Act) => boolean,
): NewStep[] {
  if (
    !isOpenState(c.state) ||
    pausedStates.includes(c.state) ||
    c.deadline_at === null ||
    c.yellow_at === null
  ) {
    return out;
  }
  for (const [card, at] of [
    ['yellow', c.yellow_at],
    ['red', c.deadline_at + 1],
  ] as const) {
    if (at <= now && at >= (out.at(-1)?.at ?? 0)) {
      act('supervise', SYSTEM, at, { reason: card === 'red' ? 'autoRed' : 'autoYellow', input: { card } });
    }
  }
  return out;
}
