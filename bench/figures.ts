// The measured figures: each one runs against the real app over HTTP (or the real index in process), bounded in
// count and time, and returns value, unit, the baseline of the same run and the target.
import { performance } from 'node:perf_hooks';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database, Dialect } from '../src/platform/db/database.js';
import { buildGridIndex } from '../src/grids/index.js';
import { login, percentiles, round, runConcurrently, type Server, type Session } from './http.js';
import { BENCH_PASSWORD } from './dataset.js';
import { measurePointToGrid, pointToGridInputs } from './pointToGrid.js';

export type Figure = {
  name: string;
  database: Dialect;
  dataset: string;
  dataSize: string;
  /** The commit checked out when the run that measured it started. */
  commit?: string;
  value: number;
  unit: string;
  baseline: { name: string; value: number; unit: string } | null;
  target: string | null;
  pass: boolean | null;
  detail?: Record<string, number | string | boolean>;
};

export type Sample = {
  rootId: string;
  townId: string | null;
  caseIds: string[];
  places: { lng: number; lat: number; categoryCode: string }[];
  cases: number;
};

export type Context = {
  dialect: Dialect;
  dataset: string;
  dataSize: string;
  smoke: boolean;
  /** A connection of the bench's own, for baselines and counts (the server has its own). */
  database: Database;
  databaseUrl: string | undefined;
  sample: Sample;
};

type Draft = Omit<Figure, 'database' | 'dataset' | 'dataSize' | 'commit'>;

const YEAR = 365 * 86_400_000;

export async function loadSample(database: Database): Promise<Sample> {
  const db = database.db;
  const root = await db
    .selectFrom('org')
    .select('id')
    .where('parent_id', 'is', null)
    .orderBy('path')
    .executeTakeFirstOrThrow();
  const town =
    (await db.selectFrom('org').select('id').where('code', '=', '320612001').executeTakeFirst()) ??
    (await db.selectFrom('org').select('id').where('level', '=', 'town').orderBy('path').executeTakeFirst());
  const rows = await db
    .selectFrom('case_file')
    .select(['id', 'lng', 'lat', 'category_code'])
    .orderBy('reported_at', 'desc')
    .limit(2000)
    .execute();
  const count = await db
    .selectFrom('case_file')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    rootId: root.id,
    townId: town?.id ?? null,
    caseIds: rows.map((r) => r.id),
    places: rows
      .filter((r) => r.lng !== null && r.lat !== null)
      .map((r) => ({ lng: r.lng!, lat: r.lat!, categoryCode: r.category_code })),
    cases: Number(count.n),
  };
}

const staff = (server: Server) => login(server.base, 'qzh', BENCH_PASSWORD);
const admin = (server: Server) => login(server.base, 'admin', BENCH_PASSWORD);

async function timeGets(session: Session, urls: string[], warmup: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < urls.length + warmup; i++) {
    const url = urls[i % urls.length]!;
    const r = await session.get(url);
    if (r.status !== 200) {
      throw new Error(`GET ${url} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
    }
    if (i >= warmup) {
      times.push(r.ms);
    }
  }
  return times;
}

type RawInserter = {
  /** Single-row durable inserts for up to `seconds`. */
  slice(seconds: number): Promise<{ done: number; seconds: number }>;
  detail: Record<string, string>;
  close(): Promise<void>;
};

/** The raw durable single-row insert rate of the same database: one autocommitted row per statement. */
async function rawInserter(ctx: Context): Promise<RawInserter> {
  const payload = 'x'.repeat(600);
  let n = 0;
  const sqlite = ctx.database.sqlite;
  if (sqlite !== null) {
    sqlite.exec('create table bench_raw (id text primary key, at integer not null, payload text not null)');
    const stmt = sqlite.prepare('insert into bench_raw (id, at, payload) values (?, ?, ?)');
    return {
      detail: {
        journal_mode: String(sqlite.pragma('journal_mode', { simple: true })),
        synchronous: String(sqlite.pragma('synchronous', { simple: true })),
        concurrency: '1 (SQLite has one writer)',
      },
      slice: (seconds) =>
        runConcurrently(1, Number.MAX_SAFE_INTEGER, seconds, async () => {
          stmt.run(`r${n++}`, Date.now(), payload);
        }),
      async close() {
        sqlite.exec('drop table bench_raw');
      },
    };
  }
  const pool = new pg.Pool({ connectionString: ctx.databaseUrl, max: 32 });
  await pool.query('create table bench_raw (id text primary key, at bigint not null, payload text not null)');
  const settings = await pool.query<{ name: string; setting: string }>(
    "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit')",
  );
  return {
    detail: { ...Object.fromEntries(settings.rows.map((s) => [s.name, s.setting])), concurrency: '32' },
    slice: (seconds) =>
      runConcurrently(32, Number.MAX_SAFE_INTEGER, seconds, async () => {
        await pool.query('insert into bench_raw (id, at, payload) values ($1, $2, $3)', [
          `r${n++}`,
          Date.now(),
          payload,
        ]);
      }),
    async close() {
      await pool.query('drop table bench_raw');
      await pool.end();
    },
  };
}

/**
 * Intake over HTTP at concurrency 32 against raw inserts, in alternating slices so that both see the same disk:
 * the fsync cost of a shared machine drifts by several times within minutes.
 */
export async function intake(ctx: Context, server: Server): Promise<Draft[]> {
  const session = await staff(server);
  const places = ctx.sample.places;
  const raw = await rawInserter(ctx);
  let failures = 0;
  let next = 0;
  const times: number[] = [];
  const totals = { raw: 0, rawSeconds: 0, intake: 0, intakeSeconds: 0 };
  const rounds = ctx.smoke ? 2 : 4;
  try {
    for (let r = 0; r < rounds; r++) {
      const b = await raw.slice(ctx.smoke ? 0.5 : 3);
      totals.raw += b.done;
      totals.rawSeconds += b.seconds;
      const it = await runConcurrently(32, Number.MAX_SAFE_INTEGER, ctx.smoke ? 1 : 6, async () => {
        const i = next++;
        const p = places[i % places.length]!;
        const res = await session.post('/api/cases', {
          categoryCode: p.categoryCode,
          description: `基准测试上报：${p.categoryCode} 第${i}号`,
          lng: p.lng,
          lat: p.lat,
          source: 'hotline',
          reporterPhone: `139${String(10_000_000 + i).slice(-8)}`,
        });
        times.push(res.ms);
        if (res.status !== 201) {
          failures += 1;
          if (failures === 1) {
            console.error(`  intake answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
          }
        }
      });
      totals.intake += it.done;
      totals.intakeSeconds += it.seconds;
    }
  } finally {
    await raw.close();
  }
  if (failures > 0) {
    throw new Error(`intake: ${failures} of ${totals.intake} requests failed`);
  }
  const rawPerSec = totals.raw / totals.rawSeconds;
  const perSec = totals.intake / totals.intakeSeconds;
  const ratio = perSec / rawPerSec;
  return [
    {
      name: 'intake.rate',
      value: round(perSec),
      unit: 'cases/s',
      baseline: { name: 'raw durable single-row inserts', value: round(rawPerSec), unit: 'rows/s' },
      target: 'ratio ≥ 0.5',
      pass: ratio >= 0.5,
      detail: {
        ratio: round(ratio, 3),
        requests: totals.intake,
        rounds,
        concurrency: 32,
        ...percentiles(times),
        ...Object.fromEntries(Object.entries(raw.detail).map(([k, v]) => [`baseline ${k}`, v])),
      },
    },
  ];
}

export async function rollups(ctx: Context, server: Server): Promise<Draft[]> {
  const session = await admin(server);
  const times = await timeGets(
    session,
    Array(ctx.smoke ? 30 : 500).fill(`/api/orgs/${ctx.sample.rootId}`) as string[],
    20,
  );
  const p = percentiles(times);
  return [
    {
      name: 'rollups.root',
      value: p.p95,
      unit: 'ms p95',
      baseline: null,
      target: 'p95 ≤ 50 ms',
      pass: p.p95 <= 50,
      detail: { ...p },
    },
  ];
}

export async function indicators(ctx: Context, server: Server): Promise<Draft[]> {
  const session = await admin(server);
  const to = Date.now();
  const from = to - YEAR;
  const n = ctx.smoke ? 20 : 300;
  const out: Draft[] = [];
  const units: [string, string | null][] = [
    ['district', ctx.sample.rootId],
    ['town', ctx.sample.townId],
  ];
  for (const [label, unit] of units) {
    if (unit === null) {
      continue;
    }
    const times = await timeGets(
      session,
      Array(n).fill(`/api/indicators?unitId=${unit}&from=${from}&to=${to}`) as string[],
      10,
    );
    const p = percentiles(times);
    out.push({
      name: `indicators.${label}`,
      value: p.p95,
      unit: 'ms p95',
      baseline: null,
      target: 'p95 ≤ 50 ms',
      pass: p.p95 <= 50,
      detail: { ...p },
    });
  }
  return out;
}

/**
 * The command view as the command hall loads it: a whole screen's data (every tile of the unit) and the grid map's
 * colours, at the district root and at a town, signed in as the district command centre. Stored tiles are counted
 * once by the first request (the warm-up) and then read; the live case tiles read the fact table and the open-case
 * index on every request.
 */
export async function commandView(ctx: Context, server: Server): Promise<Draft[]> {
  const session = await staff(server);
  const n = ctx.smoke ? 20 : 300;
  const out: Draft[] = [];
  const views: [string, string][] = [['screen.district', '/api/command/screen']];
  if (ctx.sample.townId !== null) {
    views.push(['screen.town', `/api/command/screen?orgId=${ctx.sample.townId}`]);
  }
  views.push(['map.district', '/api/command/map']);
  for (const [label, url] of views) {
    const times = await timeGets(session, Array(n).fill(url) as string[], 10);
    const p = percentiles(times);
    out.push({
      name: `command.${label}`,
      value: p.p95,
      unit: 'ms p95',
      baseline: null,
      target: 'p95 ≤ 50 ms',
      pass: p.p95 <= 50,
      detail: { ...p },
    });
  }
  return out;
}

/** Filtered lists as a console user pages them: first page, then a few pages further by cursor. */
export async function lists(ctx: Context, server: Server): Promise<Draft[]> {
  const session = await admin(server);
  const town = ctx.sample.townId;
  const filters = [
    'limit=50',
    'state=handling,dispatched&limit=50',
    'light=red&limit=50',
    'category=0101&limit=50',
    ...(town === null
      ? []
      : [
          `orgId=${town}&limit=50`,
          `orgId=${town}&state=closed&limit=50`,
          `orgId=${town}&category=0101&limit=50`,
        ]),
  ];
  const pages = ctx.smoke ? 2 : 5;
  const rounds = ctx.smoke ? 1 : 8;
  const all: number[] = [];
  const byFilter: Record<string, number> = {};
  for (const f of filters) {
    const times: number[] = [];
    for (let r = 0; r < rounds + 1; r++) {
      let cursor: string | null = null;
      for (let p = 0; p < pages; p++) {
        const url: string = `/api/cases?${f}${cursor === null ? '' : `&cursor=${cursor}`}`;
        const res = await session.get(url);
        if (res.status !== 200) {
          throw new Error(`GET ${url} answered ${res.status}`);
        }
        if (r > 0) {
          times.push(res.ms);
        }
        cursor = (res.body as { nextCursor: string | null }).nextCursor;
        if (cursor === null) {
          break;
        }
      }
    }
    byFilter[f] = percentiles(times).p95;
    all.push(...times);
  }
  const p = percentiles(all);
  return [
    {
      name: 'lists.filtered',
      value: p.p95,
      unit: 'ms p95',
      baseline: null,
      target: 'p95 ≤ 100 ms',
      pass: p.p95 <= 100,
      detail: { ...p, ...Object.fromEntries(Object.entries(byFilter).map(([k, v]) => [`p95 ${k}`, v])) },
    },
  ];
}

export async function exportXlsx(ctx: Context, server: Server): Promise<Draft[]> {
  const session = await admin(server);
  const rows = Number(
    (
      await ctx.database.db
        .selectFrom('case_file')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const before = await server.memory(true);
  server.peakStart();
  const t = performance.now();
  const res = await fetch(`${server.base}/api/cases/export.xlsx`, { headers: session.headers });
  if (res.status !== 200 || res.body === null) {
    throw new Error(`export answered ${res.status}`);
  }
  let bytes = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    bytes += value.byteLength;
  }
  const seconds = (performance.now() - t) / 1000;
  const peak = await server.peakStop();
  const perSec = rows / seconds;
  return [
    {
      name: 'export.rate',
      value: Math.round(perSec),
      unit: 'rows/s',
      baseline: null,
      target: '≥ 50,000 rows/s',
      pass: perSec >= 50_000,
      detail: { rows, seconds: round(seconds, 2), megabytes: round(bytes / 1024 / 1024, 1) },
    },
    {
      name: 'export.peakRss',
      value: peak,
      unit: 'MB',
      baseline: { name: 'server RSS before the export', value: before.rssMb, unit: 'MB' },
      target: '< 300 MB',
      pass: peak < 300,
    },
  ];
}

/** Autocannon at 200 connections on a mix of reads and one write in ten, signed in with cookie and CSRF token. */
export async function mixedLoad(ctx: Context, server: Server): Promise<Draft[]> {
  const session = await staff(server);
  const { rootId, townId, caseIds, places } = ctx.sample;
  const town = townId ?? rootId;
  const to = Date.now();
  const from = to - YEAR;
  let k = 0;
  const pick = <T>(xs: T[]): T => xs[k++ % xs.length]!;
  const get = (path: string): AutocannonRequest => ({ method: 'GET', path });
  const caseRequest: AutocannonRequest = {
    method: 'GET',
    setupRequest: (req) => ({ ...req, path: `/api/cases/${pick(caseIds)}` }),
  };
  const write: AutocannonRequest = {
    method: 'POST',
    setupRequest: (req) => {
      const p = pick(places);
      return {
        ...req,
        headers: { ...session.headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          categoryCode: p.categoryCode,
          description: '基准测试：混合负载上报',
          lng: p.lng,
          lat: p.lat,
          source: 'hotline',
        }),
        path: '/api/cases',
      };
    },
  };
  const requests: AutocannonRequest[] = [
    get('/api/cases?limit=50'),
    get(`/api/cases?orgId=${town}&limit=50`),
    caseRequest,
    get(`/api/indicators?unitId=${town}&from=${from}&to=${to}`),
    get(`/api/orgs/${rootId}`),
    get('/api/cases?state=handling&limit=20'),
    caseRequest,
    write,
    get(`/api/indicators?unitId=${rootId}&from=${from}&to=${to}`),
    get(`/api/cases?orgId=${town}&category=0101&limit=50`),
  ];
  const before = await server.memory(true);
  const result = await autocannon({
    url: server.base,
    connections: ctx.smoke ? 10 : 200,
    duration: ctx.smoke ? 2 : 30,
    timeout: 30,
    headers: session.headers,
    requests,
  });
  const after = await server.memory(true);
  const ok = result.non2xx === 0 && result.errors === 0 && result.timeouts === 0;
  return [
    {
      name: 'mixed.throughput',
      value: round(result.requests.average),
      unit: 'req/s',
      baseline: null,
      target: null,
      pass: null,
      detail: {
        connections: ctx.smoke ? 10 : 200,
        seconds: ctx.smoke ? 2 : 30,
        requests: result.requests.total,
        '2xx': result['2xx'],
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        writesShare: '1 in 10',
      },
    },
    {
      name: 'mixed.latency',
      value: result.latency.p99,
      unit: 'ms p99',
      baseline: null,
      target: 'p99 ≤ 100 ms, no errors',
      pass: result.latency.p99 <= 100 && ok,
      detail: { p50: result.latency.p50, p90: result.latency.p90, max: result.latency.max },
    },
    {
      name: 'mixed.memory',
      value: after.rssMb,
      unit: 'MB RSS after',
      baseline: { name: 'RSS before', value: before.rssMb, unit: 'MB' },
      target: 'flat (after GC, heap within 50 MB of before)',
      pass: after.heapMb - before.heapMb <= 50,
      detail: { heapBeforeMb: before.heapMb, heapAfterMb: after.heapMb },
    },
  ];
}

/** The in-process index against brute force, and against PostGIS ST_Contains with a GiST index when available. */
export async function pointToGrid(ctx: Context): Promise<Draft[]> {
  const grids = ctx.smoke ? 300 : 20_000;
  const row = measurePointToGrid(
    grids,
    ctx.smoke
      ? { points: 20_000, brutePoints: 500, checkAll: false }
      : { points: 1_000_000, brutePoints: 5_000, checkAll: false },
  );
  if (row.mismatches > 0) {
    throw new Error(`point → grid: ${row.mismatches} answers differ from brute force`);
  }
  const out: Draft[] = [
    {
      name: 'pointToGrid.vsBruteForce',
      value: row.indexPerSec,
      unit: 'lookups/s',
      baseline: { name: 'brute-force point-in-polygon', value: row.brutePerSec, unit: 'lookups/s' },
      target: '≥ 100× brute force',
      pass: row.speedup >= 100,
      detail: { grids: row.grids, speedup: row.speedup, checked: row.checked },
    },
  ];
  if (ctx.dialect === 'postgres' && !ctx.smoke) {
    out.push(await versusPostgis(ctx, grids));
  }
  return out;
}

async function versusPostgis(ctx: Context, grids: number): Promise<Draft> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    try {
      await client.query('create extension if not exists postgis');
    } catch (error) {
      return {
        name: 'pointToGrid.vsPostgis',
        value: 0,
        unit: 'lookups/s',
        baseline: null,
        target: '≥ 5× PostGIS',
        pass: null,
        detail: { skipped: `PostGIS not available: ${(error as Error).message}` },
      };
    }
    const n = 20_000;
    const { layer, points } = pointToGridInputs(grids, n);
    const index = buildGridIndex(
      layer.grids.map((g) => ({
        gridId: g.code,
        villageId: g.villageCode,
        townId: '',
        code: g.code,
        geometry: g.geometry,
      })),
    );
    await client.query(
      'create table bench_grid (code text primary key, geom geometry(Geometry, 4326) not null)',
    );
    for (let i = 0; i < layer.grids.length; i += 500) {
      const slice = layer.grids.slice(i, i + 500);
      await client.query(
        `insert into bench_grid (code, geom)
         select code, ST_SetSRID(ST_GeomFromGeoJSON(g), 4326) from unnest($1::text[], $2::text[]) as t(code, g)`,
        [slice.map((g) => g.code), slice.map((g) => JSON.stringify(g.geometry))],
      );
    }
    await client.query('create index bench_grid_geom on bench_grid using gist (geom)');
    await client.query('analyze bench_grid');
    const query = {
      name: 'bench-locate',
      text: 'select code from bench_grid where ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326)) limit 1',
    };
    let mismatches = 0;
    for (let i = 0; i < 200; i++) {
      await client.query({ ...query, values: [points[2 * i], points[2 * i + 1]] });
    }
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      const r = await client.query<{ code: string }>({
        ...query,
        values: [points[2 * i], points[2 * i + 1]],
      });
      const expected = index.locate(points[2 * i]!, points[2 * i + 1]!)?.gridId ?? null;
      if ((r.rows[0]?.code ?? null) !== expected) {
        mismatches += 1;
      }
    }
    const postgisPerSec = n / ((performance.now() - t) / 1000);
    await client.query('drop table bench_grid');
    const tIndex = performance.now();
    for (let i = 0; i < n; i++) {
      index.locate(points[2 * i]!, points[2 * i + 1]!);
    }
    const indexPerSec = n / ((performance.now() - tIndex) / 1000);
    const ratio = indexPerSec / postgisPerSec;
    return {
      name: 'pointToGrid.vsPostgis',
      value: Math.round(indexPerSec),
      unit: 'lookups/s',
      baseline: {
        name: 'PostGIS ST_Contains, GiST, one connection',
        value: round(postgisPerSec),
        unit: 'lookups/s',
      },
      target: '≥ 5× PostGIS',
      pass: ratio >= 5,
      detail: { grids: layer.grids.length, ratio: round(ratio), points: n, mismatches },
    };
  } finally {
    await client.end();
  }
}

export async function databaseNote(database: Database): Promise<string> {
  if (database.sqlite !== null) {
    return `SQLite ${String(database.sqlite.prepare('select sqlite_version() as v').pluck().get())}`;
  }
  const r = await sql<{ v: string }>`select version() as v`.execute(database.db);
  return r.rows[0]?.v.split(' on ')[0] ?? 'PostgreSQL';
}
