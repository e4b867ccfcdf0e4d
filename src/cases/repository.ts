// All SQL of cases: the case file, its steps, parties, facts, photos, idempotency keys and call-backs.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import { repathColumn, subtreeUpper } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { factMetrics, factRows, metricColumn, type FactMetric, type Facts } from './indicators/facts.js';
import { finalStates } from './workflow/stateMachine.js';

export type CaseRow = DB['case_file'];
export type StepRow = DB['case_step'];
export type NewStep = Omit<StepRow, 'id'>;

/** What a caller may see of cases, decided from their role (see caseScopeOf). */
export type CaseScope =
  | { kind: 'org'; path: string }
  | { kind: 'department'; path: string }
  /** A grid worker: his grids, and what he reported himself anywhere in his area. */
  | { kind: 'grids'; gridIds: string[]; reportedBy?: { userId: string; path: string } }
  | { kind: 'reporter'; userId: string }
  | { kind: 'none' };

export type CaseListFilter = {
  states?: string[];
  categoryCode?: string;
  net?: string;
  platform?: string;
  source?: string;
  urgency?: string;
  orgPath?: string;
  gridId?: string;
  departmentId?: string;
  light?: 'green' | 'yellow' | 'red';
  /** Open, running cases whose deadline falls before this instant and is not yet past (due today). */
  dueBefore?: number;
  from?: number;
  to?: number;
  /** Closed in [closedFrom, closedTo) (the command view's closures of a day). */
  closedFrom?: number;
  closedTo?: number;
  /** Under yellow- or red-card supervision. */
  card?: 'yellow' | 'red';
  text?: string;
  partyUserId?: string;
  /** "My queue": cases in any of these groups of states (at these levels, when given). */
  actionable?: readonly { states: readonly string[]; levels?: readonly string[] }[];
  after?: { reportedAt: number; id: string };
  limit: number;
  now: number;
};

export function caseRepository(db: Kysely<DB>, dialect: Dialect) {
  const scoped = (scope: CaseScope) => {
    const q = db.selectFrom('case_file');
    switch (scope.kind) {
      case 'org':
        return q
          .where('case_file.org_path', '>=', scope.path)
          .where('case_file.org_path', '<', subtreeUpper(scope.path));
      case 'department':
        return q
          .where('case_file.department_path', '>=', scope.path)
          .where('case_file.department_path', '<', subtreeUpper(scope.path));
      case 'grids': {
        const { gridIds, reportedBy } = scope;
        return q.where((eb) =>
          eb.or([
            gridIds.length === 0 ? sql<boolean>`1 = 0` : eb('case_file.grid_id', 'in', gridIds),
            // The path range keeps the reporter test on an index (there is none on reporter_user_id).
            ...(reportedBy === undefined
              ? []
              : [
                  eb.and([
                    eb('case_file.org_path', '>=', reportedBy.path),
                    eb('case_file.org_path', '<', subtreeUpper(reportedBy.path)),
                    eb('case_file.reporter_user_id', '=', reportedBy.userId),
                  ]),
                ]),
          ]),
        );
      }
      case 'reporter':
        return q.where('case_file.reporter_user_id', '=', scope.userId);
      case 'none':
        return q.where(sql<boolean>`1 = 0`);
    }
  };

  const listQuery = (scope: CaseScope, f: CaseListFilter) => {
    // SQLite reads a whole subtree (or every case in a state or category) from its index and sorts it, even when
    // walking case_time newest first would stop after one page. Near the root (district, town) a subtree holds
    // a large share of all cases, so there the indexed filter columns are kept off their indexes (unary +) and
    // the walk stops early: cost follows the page, not the history. Deeper subtrees are small and read best by
    // path; grid, department, text and party filters have their own indexes. PostgreSQL weighs LIMIT itself.
    const narrowest = f.orgPath ?? (scope.kind === 'org' ? scope.path : null);
    const isWalk =
      dialect === 'sqlite' &&
      narrowest !== null &&
      narrowest.split('/').filter((s) => s !== '').length <= 2 &&
      f.gridId === undefined &&
      f.departmentId === undefined &&
      (f.text === undefined || f.text === '') &&
      f.partyUserId === undefined;
    const col = (name: 'org_path' | 'state' | 'category_code' | 'level') =>
      isWalk ? sql<string>`+${sql.ref(`case_file.${name}`)}` : sql<string>`${sql.ref(`case_file.${name}`)}`;
    let q =
      isWalk && scope.kind === 'org'
        ? db
            .selectFrom('case_file')
            .where(col('org_path'), '>=', scope.path)
            .where(col('org_path'), '<', subtreeUpper(scope.path))
        : scoped(scope);
    if (f.states !== undefined && f.states.length > 0) {
      q = q.where(col('state'), 'in', f.states);
    }
    if (f.categoryCode !== undefined) {
      q = q
        .where(col('category_code'), '>=', f.categoryCode)
        .where(col('category_code'), '<', `${f.categoryCode}~`);
    }
    if (f.net !== undefined) {
      q = q.where('case_file.net', '=', f.net);
    }
    if (f.platform !== undefined) {
      q = q.where('case_file.platform', '=', f.platform);
    }
    if (f.source !== undefined) {
      q = q.where('case_file.source', '=', f.source);
    }
    if (f.urgency !== undefined) {
      q = q.where('case_file.urgency', '=', f.urgency);
    }
    if (f.orgPath !== undefined) {
      q = q.where(col('org_path'), '>=', f.orgPath).where(col('org_path'), '<', subtreeUpper(f.orgPath));
    }
    if (f.gridId !== undefined) {
      q = q.where('case_file.grid_id', '=', f.gridId);
    }
    if (f.departmentId !== undefined) {
      q = q.where('case_file.department_id', '=', f.departmentId);
    }
    if (f.light !== undefined) {
      q = q.where('case_file.state', 'not in', finalStates).where('case_file.paused_at', 'is', null);
      if (f.light === 'red') {
        q = q.where('case_file.deadline_at', '<', f.now);
      } else if (f.light === 'yellow') {
        q = q.where('case_file.yellow_at', '<=', f.now).where('case_file.deadline_at', '>=', f.now);
      } else {
        q = q.where((eb) =>
          eb.or([eb('case_file.yellow_at', 'is', null), eb('case_file.yellow_at', '>', f.now)]),
        );
      }
    }
    if (f.dueBefore !== undefined) {
      q = q
        .where('case_file.state', 'not in', finalStates)
        .where('case_file.paused_at', 'is', null)
        .where('case_file.deadline_at', '>=', f.now)
        .where('case_file.deadline_at', '<', f.dueBefore);
    }
    if (f.from !== undefined) {
      q = q.where('case_file.reported_at', '>=', f.from);
    }
    if (f.to !== undefined) {
      q = q.where('case_file.reported_at', '<', f.to);
    }
    if (f.closedFrom !== undefined) {
      q = q.where('case_file.closed_at', '>=', f.closedFrom);
    }
    if (f.closedTo !== undefined) {
      q = q.where('case_file.closed_at', '<', f.closedTo);
    }
    if (f.card !== undefined) {
      q = q.where('case_file.supervision', '=', f.card);
    }
    if (f.text !== undefined && /^TZ[0-9]{6}[2-9A-Z]{10}$/i.test(f.text)) {
      // A hotline caller reads out the tracking code.
      q = q.where('case_file.tracking_code', '=', f.text.toUpperCase());
    } else if (f.text !== undefined && f.text !== '') {
      const text = f.text;
      const like = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      if (dialect === 'sqlite' && text.length >= 3) {
        const phrase = `"${text.replace(/"/g, '""')}"`;
        q = q.where(
          'case_file.id',
          'in',
          sql<string>`(select case_id from case_fts where case_fts match ${phrase})`,
        );
      } else if (dialect === 'sqlite') {
        q = q.where((eb) =>
          eb.or([
            sql<boolean>`case_file.description like ${like} escape '\\'`,
            sql<boolean>`case_file.address like ${like} escape '\\'`,
          ]),
        );
      } else {
        q = q.where(
          sql<boolean>`(case_file.description || ' ' || coalesce(case_file.address, '')) ilike ${like} escape '\\'`,
        );
      }
    }
    if (f.partyUserId !== undefined) {
      q = q.where(
        'case_file.id',
        'in',
        db.selectFrom('case_party').select('case_id').where('user_id', '=', f.partyUserId),
      );
    }
    if (f.actionable !== undefined) {
      const groups = f.actionable;
      q =
        groups.length === 0
          ? q.where(sql<boolean>`1 = 0`)
          : q.where((eb) =>
              eb.or(
                groups.map((g) =>
                  g.levels === undefined
                    ? eb(col('state'), 'in', g.states)
                    : eb.and([eb(col('state'), 'in', g.states), eb(col('level'), 'in', g.levels)]),
                ),
              ),
            );
    }
    if (f.after !== undefined) {
      const a = f.after;
      q = q.where((eb) =>
        eb.or([
          eb('case_file.reported_at', '<', a.reportedAt),
          eb.and([eb('case_file.reported_at', '=', a.reportedAt), eb('case_file.id', '<', a.id)]),
        ]),
      );
    }
    return q.orderBy('case_file.reported_at', 'desc').orderBy('case_file.id', 'desc').limit(f.limit);
  };

  return {
    scoped,

    async insert(row: CaseRow) {
      await db.insertInto('case_file').values(row).execute();
      if (dialect === 'sqlite') {
        await sql`insert into case_fts (case_id, body) values (${row.id}, ${`${row.description} ${row.address ?? ''}`})`.execute(
          db,
        );
      }
    },

    async findVisible(scope: CaseScope, id: string) {
      return scoped(scope).selectAll().where('case_file.id', '=', id).executeTakeFirst();
    },

    async findById(id: string) {
      return db.selectFrom('case_file').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async findByTracking(code: string) {
      return db.selectFrom('case_file').selectAll().where('tracking_code', '=', code).executeTakeFirst();
    },

    /** Optimistic update: false when someone else changed the case first. */
    async update(id: string, version: number, patch: Partial<CaseRow>): Promise<boolean> {
      const r = await db
        .updateTable('case_file')
        .set({ ...patch, version: version + 1 })
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async insertStep(step: NewStep) {
      await db.insertInto('case_step').values(step).execute();
    },

    async insertSteps(steps: NewStep[]) {
      for (let i = 0; i < steps.length; i += 400) {
        await db
          .insertInto('case_step')
          .values(steps.slice(i, i + 400))
          .execute();
      }
    },

    async steps(caseId: string) {
      return db.selectFrom('case_step').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
    },

    async setParty(row: DB['case_party']) {
      await db
        .insertInto('case_party')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['case_id', 'role'])
            .doUpdateSet({ user_id: row.user_id, org_id: row.org_id, name: row.name }),
        )
        .execute();
    },

    async parties(caseId: string) {
      return db.selectFrom('case_party').selectAll().where('case_id', '=', caseId).execute();
    },

    async applyFacts(delta: Facts) {
      const rows = factRows(delta);
      if (rows.length === 0) {
        return;
      }
      const set = Object.fromEntries(
        factMetrics.map((m) => [
          metricColumn(m),
          sql`case_fact.${sql.ref(metricColumn(m))} + excluded.${sql.ref(metricColumn(m))}`,
        ]),
      );
      await db
        .insertInto('case_fact')
        .values(rows as never)
        .onConflict((oc) => oc.columns(['unit_id', 'day']).doUpdateSet(set))
        .execute();
    },

    async list(scope: CaseScope, f: CaseListFilter) {
      return listQuery(scope, f).selectAll('case_file').execute();
    },

    /** The columns an export shows, newest first: far less to read than whole rows. */
    async exportPage(scope: CaseScope, f: CaseListFilter) {
      return listQuery(scope, f)
        .select([
          'case_file.id',
          'case_file.tracking_code',
          'case_file.state',
          'case_file.category_code',
          'case_file.net',
          'case_file.platform',
          'case_file.source',
          'case_file.urgency',
          'case_file.description',
          'case_file.address',
          'case_file.reported_at',
          'case_file.deadline_at',
          'case_file.yellow_at',
          'case_file.paused_at',
          'case_file.closed_at',
          'case_file.rework_count',
          'case_file.rating',
          'case_file.is_anonymous',
          'case_file.reporter_phone_masked',
        ])
        .execute();
    },

    /** Open cases in scope (optionally of one grid) by traffic light: what a grid card or a map colour needs. */
    async openCounts(scope: CaseScope, gridId: string | undefined, now: number) {
      let q = scoped(scope).where('case_file.state', 'not in', ['closed', 'voided', 'merged']);
      if (gridId !== undefined) {
        q = q.where('case_file.grid_id', '=', gridId);
      }
      const row = await q
        .select((eb) => [
          eb.fn.countAll<number>().as('open'),
          eb.fn
            .sum<number>(
              sql`case when case_file.paused_at is null and case_file.deadline_at < ${now} then 1 else 0 end`,
            )
            .as('red'),
          eb.fn
            .sum<number>(
              sql`case when case_file.paused_at is null and case_file.yellow_at <= ${now} and case_file.deadline_at >= ${now} then 1 else 0 end`,
            )
            .as('yellow'),
        ])
        .executeTakeFirstOrThrow();
      return { open: row.open, red: row.red ?? 0, yellow: row.yellow ?? 0 };
    },

    /**
     * Open cases of the category whose point lies within a box around (lat, lng), within the scope (null: every
     * case, for a count only); the caller checks the radius.
     */
    async openNear(
      scope: CaseScope | null,
      categoryCode: string,
      lat: number,
      lng: number,
      dLat: number,
      dLng: number,
      excludeId: string | null,
    ) {
      let q = (scope === null ? db.selectFrom('case_file') : scoped(scope))
        .selectAll('case_file')
        .where('case_file.category_code', '=', categoryCode)
        .where('case_file.state', 'not in', ['closed', 'voided', 'merged'])
        .where('case_file.lat', '>=', lat - dLat)
        .where('case_file.lat', '<=', lat + dLat)
        .where('case_file.lng', '>=', lng - dLng)
        .where('case_file.lng', '<=', lng + dLng);
      if (excludeId !== null) {
        q = q.where('case_file.id', '!=', excludeId);
      }
      return q.limit(20).execute();
    },

    async insertPhoto(row: DB['case_photo']) {
      await db.insertInto('case_photo').values(row).execute();
    },

    async photos(caseId: string) {
      return db
        .selectFrom('case_photo')
        .select(['id', 'step_seq', 'mime', 'width', 'height', 'created_at'])
        .where('case_id', '=', caseId)
        .orderBy('step_seq')
        .orderBy('id')
        .execute();
    },

    async photo(caseId: string, photoId: string) {
      return db
        .selectFrom('case_photo')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', photoId)
        .executeTakeFirst();
    },

    async findIdempotency(key: string) {
      return db.selectFrom('idempotency_key').selectAll().where('key', '=', key).executeTakeFirst();
    },

    /** The latest ratings residents gave to cases in scope. */
    async recentRatings(scope: CaseScope, limit: number) {
      return scoped(scope)
        .selectAll('case_file')
        .where('case_file.rated_at', 'is not', null)
        .orderBy('case_file.rated_at', 'desc')
        .limit(limit)
        .execute();
    },

    /** Inserts the key; false when another request holds it already. */
    async claimIdempotency(key: string, requestHash: string, now: number): Promise<boolean> {
      const r = await db
        .insertInto('idempotency_key')
        .values({ key, request_hash: requestHash, case_id: null, response: null, created_at: now })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .execute();
      return r.length === 1;
    },

    async completeIdempotency(key: string, caseId: string, response: string) {
      await db
        .updateTable('idempotency_key')
        .set({ case_id: caseId, response })
        .where('key', '=', key)
        .execute();
    },

    /** The town's leader in charge of one platform, when the town set one. */
    async townLeader(townId: string, platform: string) {
      return db
        .selectFrom('case_town_leader')
        .selectAll()
        .where('town_id', '=', townId)
        .where('platform', '=', platform)
        .executeTakeFirst();
    },

    async townLeaders(townId: string) {
      return db.selectFrom('case_town_leader').selectAll().where('town_id', '=', townId).execute();
    },

    async setTownLeader(row: DB['case_town_leader']) {
      await db
        .insertInto('case_town_leader')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['town_id', 'platform'])
            .doUpdateSet({ user_id: row.user_id, updated_by: row.updated_by, updated_at: row.updated_at }),
        )
        .execute();
    },

    async clearTownLeader(townId: string, platform: string) {
      await db
        .deleteFrom('case_town_leader')
        .where('town_id', '=', townId)
        .where('platform', '=', platform)
        .execute();
    },

    async insertFollowup(row: DB['case_followup']) {
      await db.insertInto('case_followup').values(row).execute();
    },

    async followups(caseId: string) {
      return db
        .selectFrom('case_followup')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    /** The resident's follow-ups since an instant (a flood guard for the public page). */
    async countFollowupsSince(caseId: string, since: number) {
      const row = await db
        .selectFrom('case_followup')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', caseId)
        .where('created_at', '>=', since)
        .executeTakeFirst();
      // PostgreSQL answers a count as text.
      const n: unknown = row?.n;
      return Number(n ?? 0);
    },

    async insertCallback(row: DB['case_callback']) {
      await db.insertInto('case_callback').values(row).execute();
    },

    async openCallback(caseId: string) {
      return db
        .selectFrom('case_callback')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('status', '=', 'open')
        .executeTakeFirst();
    },

    async finishCallback(id: string, result: string, by: string | null, now: number) {
      await db
        .updateTable('case_callback')
        .set({ status: 'done', result, done_by: by, done_at: now })
        .where('id', '=', id)
        .execute();
    },

    /** A subtree of organisations moved: cases, departments and rules under it follow, and so do town and village. */
    async repath(oldPrefix: string, newPrefix: string) {
      await repathColumn(db, 'case_file', 'org_path', oldPrefix, newPrefix);
      await repathColumn(db, 'case_file', 'department_path', oldPrefix, newPrefix);
      await repathColumn(db, 'routing_rule', 'area_path', oldPrefix, newPrefix);
      const paths = await db
        .selectFrom('case_file')
        .select('org_path')
        .distinct()
        .where('org_path', '>=', newPrefix)
        .where('org_path', '<', subtreeUpper(newPrefix))
        .execute();
      for (const { org_path } of paths) {
        // '/district/town/village/': the town and village a case belongs to are read off its path.
        const [, town = null, village = null] = org_path.split('/').filter((x) => x !== '');
        await db
          .updateTable('case_file')
          .set({ town_id: town, village_id: village })
          .where('org_path', '=', org_path)
          .execute();
      }
    },

    /** An organisation merged into another: cases placed on it, dispatched to it, or routed to it follow. */
    async reassign(from: { id: string; path: string; level: string }, to: { id: string; path: string }) {
      const place =
        from.level === 'village' ? { village_id: to.id } : from.level === 'town' ? { town_id: to.id } : {};
      await db
        .updateTable('case_file')
        .set({ org_path: to.path, ...place })
        .where('org_path', '=', from.path)
        .execute();
      await db
        .updateTable('case_file')
        .set({ department_id: to.id, department_path: to.path })
        .where('department_id', '=', from.id)
        .execute();
      await db
        .updateTable('routing_rule')
        .set({ department_id: to.id })
        .where('department_id', '=', from.id)
        .execute();
      await db
        .updateTable('routing_rule')
        .set({ area_org_id: to.id, area_path: to.path })
        .where('area_org_id', '=', from.id)
        .execute();
    },

    /** Metric totals per unit over a day range, as (unit, metric, value) entries. */
    async sumFacts(
      units: string[],
      fromDay: number,
      toDay: number,
    ): Promise<{ unit_id: string; metric: FactMetric; value: number }[]> {
      if (units.length === 0) {
        return [];
      }
      const rows = await db
        .selectFrom('case_fact')
        .select((eb) => [
          'unit_id',
          ...factMetrics.map((m) => eb.fn.sum<number>(sql.ref(metricColumn(m))).as(m)),
        ])
        .where('unit_id', 'in', units)
        .where('day', '>=', fromDay)
        .where('day', '<=', toDay)
        .groupBy('unit_id')
        .execute();
      return rows.flatMap((r) => {
        const row = r as unknown as Record<string, number | string | null>;
        return factMetrics.map((m) => ({
          unit_id: String(row.unit_id),
          metric: m,
          value: Number(row[m] ?? 0),
        }));
      });
    },
  };
}

export type CaseRepository = ReturnType<typeof caseRepository>;
