// All SQL of the assessment. Every read of a sheet, line, evidence, objection or award takes the caller's scope (an
// org path subtree), so a record outside it is not found; public reads go through the *Published methods, which only
// reach sheets placed in a notice.
import { sql, type Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { repathColumn, subtreeUpper } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type TreeRow = DB['assessment_tree'];
export type CycleRow = DB['assessment_cycle'];
export type SheetRow = DB['assessment_sheet'];
export type LineRow = DB['assessment_line'];
export type EvidenceRow = DB['assessment_evidence'];
export type ChangeRow = Omit<DB['assessment_change'], 'id'> & { id: number };
export type NoticeRow = DB['assessment_notice'];
export type ObjectionRow = DB['assessment_objection'];
export type AwardRow = DB['assessment_award'];
export type LeaderScoreRow = DB['assessment_leader_score'];

export type ChangeInput = Omit<DB['assessment_change'], 'id'>;

export function assessmentRepository(db: Kysely<DB>) {
  const pathIn = (path: string) => sql<boolean>`org_path >= ${path} and org_path < ${subtreeUpper(path)}`;
  const chunks = async <T>(rows: T[], write: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 200) {
      await write(rows.slice(i, i + 200));
    }
  };

  return {
    // Trees
    async insertTree(row: TreeRow) {
      await db.insertInto('assessment_tree').values(row).execute();
    },
    async latestTree(year: number) {
      return db
        .selectFrom('assessment_tree')
        .selectAll()
        .where('year', '=', year)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
    },
    async treeById(id: string) {
      return db.selectFrom('assessment_tree').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async treeVersions(year: number) {
      return db
        .selectFrom('assessment_tree')
        .select(['id', 'year', 'version', 'frozen_at', 'created_at', 'created_by'])
        .where('year', '=', year)
        .orderBy('version', 'desc')
        .execute();
    },
    async freezeTree(id: string, at: number) {
      await db.updateTable('assessment_tree').set({ frozen_at: at }).where('id', '=', id).execute();
    },

    // Cycles
    async insertCycle(row: CycleRow) {
      await db.insertInto('assessment_cycle').values(row).execute();
    },
    async findCycle(year: number) {
      return db.selectFrom('assessment_cycle').selectAll().where('year', '=', year).executeTakeFirst();
    },
    async cycles() {
      return db.selectFrom('assessment_cycle').selectAll().orderBy('year', 'desc').execute();
    },
    async updateCycle(year: number, patch: Partial<CycleRow>) {
      await db.updateTable('assessment_cycle').set(patch).where('year', '=', year).execute();
    },

    // Sheets and lines
    async insertSheets(rows: SheetRow[]) {
      await chunks(rows, (part) => db.insertInto('assessment_sheet').values(part).execute());
    },
    async insertLines(rows: LineRow[]) {
      await chunks(rows, (part) => db.insertInto('assessment_line').values(part).execute());
    },
    async findSheet(scope: Scope, id: string) {
      return db
        .selectFrom('assessment_sheet')
        .selectAll()
        .where('id', '=', id)
        .where(pathIn(scope.path))
        .executeTakeFirst();
    },
    async sheetOfOrg(scope: Scope, year: number, orgId: string) {
      return db
        .selectFrom('assessment_sheet')
        .selectAll()
        .where('year', '=', year)
        .where('org_id', '=', orgId)
        .where(pathIn(scope.path))
        .executeTakeFirst();
    },
    async listSheets(scope: Scope, year: number, status: string | null) {
      let q = db
        .selectFrom('assessment_sheet')
        .selectAll()
        .where('year', '=', year)
        .where(pathIn(scope.path));
      if (status !== null) {
        q = q.where('status', '=', status);
      }
      return q.orderBy('org_path').execute();
    },
    async countSheets(year: number): Promise<number> {
      const row = await db
        .selectFrom('assessment_sheet')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('year', '=', year)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async statusCounts(scope: Scope, year: number) {
      const rows = await db
        .selectFrom('assessment_sheet')
        .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('year', '=', year)
        .where(pathIn(scope.path))
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
    async sheetsOfNotice(noticeId: string) {
      return db
        .selectFrom('assessment_sheet')
        .selectAll()
        .where('notice_id', '=', noticeId)
        .orderBy('org_path')
        .execute();
    },
    async updateSheet(id: string, patch: Partial<SheetRow>) {
      await db.updateTable('assessment_sheet').set(patch).where('id', '=', id).execute();
    },
    async placeInNotice(year: number, noticeId: string, now: number): Promise<number> {
      const res = await db
        .updateTable('assessment_sheet')
        .set({ status: 'notice', notice_id: noticeId, updated_at: now })
        .where('year', '=', year)
        .where('status', '=', 'approved')
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
    async linesOf(sheetId: string) {
      return db.selectFrom('assessment_line').selectAll().where('sheet_id', '=', sheetId).execute();
    },
    async linesOfSheets(sheetIds: string[]) {
      const out: LineRow[] = [];
      for (let i = 0; i < sheetIds.length; i += 300) {
        const part = sheetIds.slice(i, i + 300);
        out.push(
          ...(await db.selectFrom('assessment_line').selectAll().where('sheet_id', 'in', part).execute()),
        );
      }
      return out;
    },
    async findLine(sheetId: string, code: string) {
      return db
        .selectFrom('assessment_line')
        .selectAll()
        .where('sheet_id', '=', sheetId)
        .where('code', '=', code)
        .executeTakeFirst();
    },
    async updateLine(sheetId: string, code: string, patch: Partial<LineRow>) {
      await db
        .updateTable('assessment_line')
        .set(patch)
        .where('sheet_id', '=', sheetId)
        .where('code', '=', code)
        .execute();
    },

    // Evidence
    async insertEvidence(row: EvidenceRow) {
      await db.insertInto('assessment_evidence').values(row).execute();
    },
    async evidenceOfOrg(scope: Scope, orgId: string) {
      return db
        .selectFrom('assessment_evidence')
        .selectAll()
        .where('org_id', '=', orgId)
        .where(pathIn(scope.path))
        .orderBy('id', 'desc')
        .execute();
    },
    async evidenceByIds(ids: string[]) {
      if (ids.length === 0) {
        return [];
      }
      return db.selectFrom('assessment_evidence').selectAll().where('id', 'in', ids).execute();
    },

    // The change log (append-only)
    async insertChanges(rows: ChangeInput[]) {
      await chunks(rows, (part) => db.insertInto('assessment_change').values(part).execute());
    },
    async changesOf(sheetId: string): Promise<ChangeRow[]> {
      return db
        .selectFrom('assessment_change')
        .selectAll()
        .where('sheet_id', '=', sheetId)
        .orderBy('id')
        .execute();
    },

    // Notices and objections
    async insertNotice(row: NoticeRow) {
      await db.insertInto('assessment_notice').values(row).execute();
    },
    async findNotice(id: string) {
      return db.selectFrom('assessment_notice').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async notices(year: number | null) {
      let q = db.selectFrom('assessment_notice').selectAll();
      if (year !== null) {
        q = q.where('year', '=', year);
      }
      return q.orderBy('starts_at', 'desc').limit(50).execute();
    },
    async updateNotice(id: string, patch: Partial<NoticeRow>) {
      await db.updateTable('assessment_notice').set(patch).where('id', '=', id).execute();
    },
    async insertObjection(row: ObjectionRow) {
      await db.insertInto('assessment_objection').values(row).execute();
    },
    async findObjection(scope: Scope, id: string) {
      return db
        .selectFrom('assessment_objection')
        .selectAll()
        .where('id', '=', id)
        .where(pathIn(scope.path))
        .executeTakeFirst();
    },
    async findObjectionByCode(code: string) {
      return db.selectFrom('assessment_objection').selectAll().where('code', '=', code).executeTakeFirst();
    },
    async objectionsOfNotice(noticeId: string) {
      return db
        .selectFrom('assessment_objection')
        .selectAll()
        .where('notice_id', '=', noticeId)
        .orderBy('id')
        .execute();
    },
    /** Objections in scope, newest first, a page at a time (beforeId: the last id of the previous page). */
    async objectionsOf(
      scope: Scope,
      filter: { sheetId?: string; status?: string; year?: number; beforeId?: string; limit: number },
    ) {
      let q = db.selectFrom('assessment_objection').selectAll().where(pathIn(scope.path));
      if (filter.sheetId !== undefined) {
        q = q.where('sheet_id', '=', filter.sheetId);
      }
      if (filter.status !== undefined) {
        q = q.where('status', '=', filter.status);
      }
      if (filter.year !== undefined) {
        const year = filter.year;
        q = q.where('notice_id', 'in', (eb) =>
          eb.selectFrom('assessment_notice').select('id').where('year', '=', year),
        );
      }
      if (filter.beforeId !== undefined) {
        q = q.where('id', '<', filter.beforeId);
      }
      return q.orderBy('id', 'desc').limit(filter.limit).execute();
    },
    async updateObjection(id: string, patch: Partial<ObjectionRow>) {
      await db.updateTable('assessment_objection').set(patch).where('id', '=', id).execute();
    },

    // Awards
    async insertAwards(rows: AwardRow[]) {
      await chunks(rows, (part) => db.insertInto('assessment_award').values(part).execute());
    },
    async findAward(scope: Scope, id: string) {
      return db
        .selectFrom('assessment_award')
        .selectAll()
        .where('id', '=', id)
        .where(pathIn(scope.path))
        .executeTakeFirst();
    },
    async awardsOf(scope: Scope, year: number) {
      return db
        .selectFrom('assessment_award')
        .selectAll()
        .where('year', '=', year)
        .where(pathIn(scope.path))
        .orderBy('org_path')
        .execute();
    },
    /** The awards of the latest year with awards under a path (the command view's stars), or none. */
    async latestAwardsUnder(path: string) {
      const latest = await db
        .selectFrom('assessment_award')
        .select((eb) => eb.fn.max<number | null>('year').as('year'))
        .where(pathIn(path))
        .executeTakeFirst();
      const year = latest?.year ?? null;
      if (year === null) {
        return { year: null, awards: [] };
      }
      const awards = await db
        .selectFrom('assessment_award')
        .select(['org_id', 'org_path', 'level', 'movement'])
        .where('year', '=', year)
        .where(pathIn(path))
        .execute();
      return { year, awards };
    },
    async awardsOfSheets(sheetIds: string[]) {
      if (sheetIds.length === 0) {
        return [];
      }
      return db.selectFrom('assessment_award').selectAll().where('sheet_id', 'in', sheetIds).execute();
    },
    /** Last levels of the orgs (any year before `year`), for the one-level-a-year rule. */
    async previousLevels(orgIds: string[], year: number): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (let i = 0; i < orgIds.length; i += 300) {
        const rows = await db
          .selectFrom('assessment_award')
          .select(['org_id', 'level', 'year'])
          .where('org_id', 'in', orgIds.slice(i, i + 300))
          .where('year', '<', year)
          .orderBy('year')
          .execute();
        rows.forEach((r) => out.set(r.org_id, r.level));
      }
      return out;
    },
    async levelCounts(year: number): Promise<Map<number, number>> {
      const rows = await db
        .selectFrom('assessment_award')
        .select(['level', (eb) => eb.fn.countAll<string | number>().as('n')])
        .where('year', '=', year)
        .groupBy('level')
        .execute();
      return new Map(rows.map((r) => [r.level, Number(r.n)]));
    },
    async updateAward(id: string, patch: Partial<AwardRow>) {
      await db.updateTable('assessment_award').set(patch).where('id', '=', id).execute();
    },

    // The people in charge: a year's computed sheets replace the last computation.
    async replaceLeaderScores(year: number, rows: LeaderScoreRow[]) {
      await db.deleteFrom('assessment_leader_score').where('year', '=', year).execute();
      await chunks(rows, (part) => db.insertInto('assessment_leader_score').values(part).execute());
    },
    /** A post's sheets of the year whose unit is in scope, the best ranked first (unranked last). */
    async leaderScores(scope: Scope, year: number, post: string, townId: string | null) {
      return db
        .selectFrom('assessment_leader_score')
        .selectAll()
        .where('year', '=', year)
        .where('post', '=', post)
        .where('unit_path', '>=', scope.path)
        .where('unit_path', '<', subtreeUpper(scope.path))
        .$if(townId !== null, (q) => q.where('town_id', '=', townId))
        .orderBy(sql`case when peer_rank is null then 1 else 0 end`)
        .orderBy('peer_group')
        .orderBy('peer_rank')
        .orderBy('unit_path')
        .execute();
    },
    async leaderComputedAt(year: number): Promise<number | null> {
      const row = await db
        .selectFrom('assessment_leader_score')
        .select((eb) => eb.fn.max('computed_at').as('at'))
        .where('year', '=', year)
        .executeTakeFirst();
      return row?.at ?? null;
    },

    // Hook of the organisation tree: a moved subtree's records follow (the change log is keyed by sheet, not path).
    async repath(oldPrefix: string, newPrefix: string) {
      await repathColumn(db, 'assessment_leader_score', 'unit_path', oldPrefix, newPrefix);
      for (const table of [
        'assessment_sheet',
        'assessment_line',
        'assessment_evidence',
        'assessment_objection',
        'assessment_award',
      ] as const) {
        await repathColumn(db, table, 'org_path', oldPrefix, newPrefix);
      }
    },
  };
}

export type AssessmentRepository = ReturnType<typeof assessmentRepository>;
