// All SQL of the volunteers module. Reads of a record take the caller's scope (an org subtree); a record outside it
// is not found. Ledger rows are only ever inserted: the database refuses to change their facts or delete them.
import { sql, type Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { repathColumn, subtreeUpper, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

export type RegistrationRow = DB['volunteer_registration'];
export type PostRow = DB['volunteer_post'];
export type ClaimRow = DB['volunteer_post_claim'];
export type ActivityRow = DB['volunteer_activity'];
export type SignupRow = DB['volunteer_signup'];
export type ActRow = DB['points_act'];
export type EntryRow = DB['points_entry'];
export type CertificateRow = DB['volunteer_certificate'];
export type PairingRow = DB['relief_pairing'];
export type ReliefVisitRow = DB['relief_visit'];

const CHUNK = 200;

/** Every column of the module that holds an organisation path. */
const PATH_COLUMNS = [
  ['volunteer_registration', 'home_path'],
  ['volunteer_registration', 'community_path'],
  ['volunteer_post', 'org_path'],
  ['volunteer_post_claim', 'org_path'],
  ['volunteer_activity', 'org_path'],
  ['volunteer_signup', 'org_path'],
  ['points_act', 'org_path'],
  ['points_entry', 'branch_path'],
  ['points_entry', 'community_path'],
  ['volunteer_certificate', 'org_path'],
  ['relief_pairing', 'org_path'],
  ['relief_visit', 'org_path'],
  ['volunteer_feedback', 'org_path'],
] as const;

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the repositories' common shape; no query here differs
export function volunteerRepository(db: Kysely<DB>, _dialect: Dialect) {
  const under = (column: string, path: string) =>
    sql<boolean>`${sql.ref(column)} >= ${path} and ${sql.ref(column)} < ${subtreeUpper(path)}`;
  const eitherUnder = (a: string, b: string, path: string) =>
    sql<boolean>`((${under(a, path)}) or (${under(b, path)}))`;
  const chunked = async <R>(rows: readonly R[], insert: (chunk: R[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await insert(rows.slice(i, i + CHUNK));
    }
  };

  return {
    // Registrations (双报到): seen by the community registered with and by the member's or unit's own subtree.
    async insertRegistrations(rows: RegistrationRow[]) {
      await chunked(rows, (c) => db.insertInto('volunteer_registration').values(c).execute());
    },
    async findRegistration(scope: Scope, id: string) {
      return db
        .selectFrom('volunteer_registration')
        .selectAll()
        .where('id', '=', id)
        .where(eitherUnder('community_path', 'home_path', scope.path))
        .executeTakeFirst();
    },
    /** The open registration (pending or confirmed) of a member or a unit, if any. */
    async openRegistrationOf(f: { memberId: string } | { unitOrgId: string }) {
      const q = db
        .selectFrom('volunteer_registration')
        .selectAll()
        .where('status', 'in', ['pending', 'confirmed']);
      return (
        'memberId' in f ? q.where('member_id', '=', f.memberId) : q.where('unit_org_id', '=', f.unitOrgId)
      )
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
    },
    async updateRegistration(id: string, patch: Partial<RegistrationRow>) {
      await db.updateTable('volunteer_registration').set(patch).where('id', '=', id).execute();
    },
    async listRegistrations(
      scope: Scope,
      f: { communityPath?: string; homePath?: string; kind?: string; status?: string; limit: number },
    ) {
      let q = db
        .selectFrom('volunteer_registration')
        .selectAll()
        .where(eitherUnder('community_path', 'home_path', scope.path));
      if (f.communityPath !== undefined) {
        q = q.where(under('community_path', f.communityPath));
      }
      if (f.homePath !== undefined) {
        q = q.where(under('home_path', f.homePath));
      }
      if (f.kind !== undefined) {
        q = q.where('kind', '=', f.kind);
      }
      if (f.status !== undefined) {
        q = q.where('status', '=', f.status);
      }
      return q.orderBy('created_at', 'desc').limit(f.limit).execute();
    },
    /** Registrations confirmed and still within their half year, of members whose branch is under the path. */
    async validMemberRegistrationsUnder(homePath: string, now: number) {
      return db
        .selectFrom('volunteer_registration')
        .selectAll()
        .where('kind', '=', 'member')
        .where(under('home_path', homePath))
        .where('status', 'in', ['pending', 'confirmed'])
        .execute()
        .then((rows) => rows.filter((r) => r.status === 'pending' || (r.valid_until ?? 0) > now));
    },

    // Posts
    async insertPosts(rows: PostRow[]) {
      await chunked(rows, (c) => db.insertInto('volunteer_post').values(c).execute());
    },
    async findPost(scope: Scope, id: string) {
      return db
        .selectFrom('volunteer_post')
        .selectAll()
        .where('id', '=', id)
        .where(under('org_path', scope.path))
        .executeTakeFirst();
    },
    async findPostById(id: string) {
      return db.selectFrom('volunteer_post').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async listPosts(f: { underPath: string; status?: string; category?: string; limit: number }) {
      let q = db.selectFrom('volunteer_post').selectAll().where(under('org_path', f.underPath));
      if (f.status !== undefined) {
        q = q.where('status', '=', f.status);
      }
      if (f.category !== undefined) {
        q = q.where('category', '=', f.category);
      }
      return q.orderBy('created_at', 'desc').limit(f.limit).execute();
    },
    async updatePost(id: string, patch: Partial<PostRow>) {
      await db.updateTable('volunteer_post').set(patch).where('id', '=', id).execute();
    },
    async insertClaims(rows: ClaimRow[]) {
      await chunked(rows, (c) => db.insertInto('volunteer_post_claim').values(c).execute());
    },
    async claimsOf(postIds: string[]) {
      if (postIds.length === 0) {
        return [];
      }
      return db.selectFrom('volunteer_post_claim').selectAll().where('post_id', 'in', postIds).execute();
    },

    // Activities and sign-ups
    async insertActivities(rows: ActivityRow[]) {
      await chunked(rows, (c) => db.insertInto('volunteer_activity').values(c).execute());
    },
    async findActivity(scope: Scope, id: string) {
      return db
        .selectFrom('volunteer_activity')
        .selectAll()
        .where('id', '=', id)
        .where(under('org_path', scope.path))
        .executeTakeFirst();
    },
    /** Any community's activity: members sign up wherever they serve. */
    async findActivityById(id: string) {
      return db.selectFrom('volunteer_activity').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async listActivities(f: {
      underPath: string;
      from?: number;
      to?: number;
      status?: string;
      limit: number;
      order?: 'asc' | 'desc';
    }) {
      let q = db.selectFrom('volunteer_activity').selectAll().where(under('org_path', f.underPath));
      if (f.from !== undefined) {
        q = q.where('ends_at', '>=', f.from);
      }
      if (f.to !== undefined) {
        q = q.where('starts_at', '<', f.to);
      }
      if (f.status !== undefined) {
        q = q.where('status', '=', f.status);
      }
      return q
        .orderBy('starts_at', f.order ?? 'desc')
        .limit(f.limit)
        .execute();
    },
    async updateActivity(id: string, patch: Partial<ActivityRow>) {
      await db.updateTable('volunteer_activity').set(patch).where('id', '=', id).execute();
    },
    async insertSignups(rows: SignupRow[]) {
      await chunked(rows, (c) => db.insertInto('volunteer_signup').values(c).execute());
    },
    async findSignup(activityId: string, memberId: string) {
      return db
        .selectFrom('volunteer_signup')
        .selectAll()
        .where('activity_id', '=', activityId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
    },
    async signupsOf(activityId: string) {
      return db
        .selectFrom('volunteer_signup')
        .selectAll()
        .where('activity_id', '=', activityId)
        .orderBy('signed_up_at')
        .execute();
    },
    async activeSignupCounts(activityIds: string[]): Promise<Map<string, number>> {
      if (activityIds.length === 0) {
        return new Map();
      }
      const rows = await db
        .selectFrom('volunteer_signup')
        .select(['activity_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('activity_id', 'in', activityIds)
        .where('cancelled_at', 'is', null)
        .groupBy('activity_id')
        .execute();
      return new Map(rows.map((r) => [r.activity_id, Number(r.n)]));
    },
    async updateSignup(id: string, patch: Partial<SignupRow>) {
      await db.updateTable('volunteer_signup').set(patch).where('id', '=', id).execute();
    },
    /**
     * Sets the sign-in only if none is recorded yet: the condition is in the UPDATE, so two taps at once record
     * one sign-in and the other is refused.
     */
    async signInOnce(id: string, at: number, lng: number, lat: number): Promise<boolean> {
      const r = await db
        .updateTable('volunteer_signup')
        .set({ sign_in_at: at, sign_in_lng: lng, sign_in_lat: lat })
        .where('id', '=', id)
        .where('sign_in_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async signOutOnce(id: string, at: number, lng: number, lat: number): Promise<boolean> {
      const r = await db
        .updateTable('volunteer_signup')
        .set({ sign_out_at: at, sign_out_lng: lng, sign_out_lat: lat })
        .where('id', '=', id)
        .where('sign_out_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async signupsOfMember(memberId: string, limit: number) {
      return db
        .selectFrom('volunteer_signup')
        .selectAll()
        .where('member_id', '=', memberId)
        .orderBy('signed_up_at', 'desc')
        .limit(limit)
        .execute();
    },
    async activitiesByIds(ids: string[]) {
      if (ids.length === 0) {
        return [];
      }
      return db.selectFrom('volunteer_activity').selectAll().where('id', 'in', ids).execute();
    },

    // The ledger
    async insertAct(row: ActRow) {
      await db.insertInto('points_act').values(row).execute();
    },
    async insertActs(rows: ActRow[]) {
      await chunked(rows, (c) => db.insertInto('points_act').values(c).execute());
    },
    async insertEntries(rows: EntryRow[]) {
      await chunked(rows, (c) => db.insertInto('points_entry').values(c).execute());
    },
    async findAct(scope: Scope, id: string) {
      return db
        .selectFrom('points_act')
        .selectAll()
        .where('id', '=', id)
        .where(under('org_path', scope.path))
        .executeTakeFirst();
    },
    async entriesOfAct(actId: string) {
      return db.selectFrom('points_entry').selectAll().where('act_id', '=', actId).orderBy('id').execute();
    },
    async findEntry(scope: Scope, id: string) {
      return db
        .selectFrom('points_entry')
        .selectAll()
        .where('id', '=', id)
        .where(eitherUnder('branch_path', 'community_path', scope.path))
        .executeTakeFirst();
    },
    async reversalsOf(entryIds: string[]): Promise<Set<string>> {
      if (entryIds.length === 0) {
        return new Set();
      }
      const rows = await db
        .selectFrom('points_entry')
        .select('reverses_entry_id')
        .where('reverses_entry_id', 'in', entryIds)
        .execute();
      return new Set(rows.map((r) => r.reverses_entry_id ?? ''));
    },
    async actsByIds(ids: string[]) {
      if (ids.length === 0) {
        return [];
      }
      return db.selectFrom('points_act').selectAll().where('id', 'in', ids).execute();
    },
    async listActs(f: { underPath: string; kind?: string; limit: number; before?: string }) {
      let q = db.selectFrom('points_act').selectAll().where(under('org_path', f.underPath));
      if (f.kind !== undefined) {
        q = q.where('kind', '=', f.kind);
      }
      if (f.before !== undefined) {
        q = q.where('id', '<', f.before);
      }
      return q.orderBy('id', 'desc').limit(f.limit).execute();
    },
    /**
     * Moves the caps' guard by delta, only if the net stays within ±cap; false when it would not (nothing moved).
     * The condition sits in the UPDATE, so concurrent approvals serialise on the row and cannot both pass.
     */
    async moveTally(
      key: { memberId: string; ruleCode: string; periodKey: string },
      delta: number,
      cap: number,
    ) {
      await db
        .insertInto('points_tally')
        .values({ member_id: key.memberId, rule_code: key.ruleCode, period_key: key.periodKey, amount: 0 })
        .onConflict((oc) => oc.columns(['member_id', 'rule_code', 'period_key']).doNothing())
        .execute();
      const r = await db
        .updateTable('points_tally')
        .set((eb) => ({ amount: eb('amount', '+', delta) }))
        .where('member_id', '=', key.memberId)
        .where('rule_code', '=', key.ruleCode)
        .where('period_key', '=', key.periodKey)
        .where(sql<boolean>`amount + ${delta} <= ${cap} and amount + ${delta} >= ${-cap}`)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async tallies(memberId: string) {
      return db.selectFrom('points_tally').selectAll().where('member_id', '=', memberId).execute();
    },
    async entriesOfMember(memberId: string, f: { year?: number; kind?: string; limit: number }) {
      let q = db.selectFrom('points_entry').selectAll().where('member_id', '=', memberId);
      if (f.year !== undefined) {
        q = q.where('year', '=', f.year);
      }
      if (f.kind !== undefined) {
        q = q.where('kind', '=', f.kind);
      }
      return q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
    },
    /** Balances per member and kind, summed from the entries, of members whose branch is under the path. */
    async balancesUnder(branchPath: string, year: number) {
      const rows = await db
        .selectFrom('points_entry')
        .select(['member_id', 'kind', (eb) => eb.fn.sum<number | string>('amount').as('total')])
        .select((eb) => eb.fn.max('member_name').as('member_name'))
        .where(under('branch_path', branchPath))
        .where('year', '=', year)
        .groupBy(['member_id', 'kind'])
        .execute();
      return rows.map((r) => ({
        memberId: r.member_id,
        memberName: r.member_name,
        kind: r.kind,
        total: Number(r.total),
      }));
    },
    async balancesOf(memberIds: string[], year: number) {
      if (memberIds.length === 0) {
        return [];
      }
      const rows = await db
        .selectFrom('points_entry')
        .select(['member_id', 'kind', (eb) => eb.fn.sum<number | string>('amount').as('total')])
        .where('member_id', 'in', memberIds)
        .where('year', '=', year)
        .groupBy(['member_id', 'kind'])
        .execute();
      return rows.map((r) => ({ memberId: r.member_id, kind: r.kind, total: Number(r.total) }));
    },
    /** Hours (minutes) per branch path or community path over a period, under a path. */
    async minutesBy(column: 'branch_path' | 'community_path', underPath: string, from: number, to: number) {
      const rows = await db
        .selectFrom('points_entry')
        .select([
          `${column} as path`,
          (eb) => eb.fn.sum<number | string>('amount').as('minutes'),
          (eb) => eb.fn.count<number | string>('member_id').distinct().as('members'),
        ])
        .where('kind', '=', 'hours')
        .where(under(column, underPath))
        .where('occurred_at', '>=', from)
        .where('occurred_at', '<', to)
        .groupBy(column)
        .execute();
      return rows.map((r) => ({
        path: String(r.path),
        minutes: Number(r.minutes),
        members: Number(r.members),
      }));
    },
    async minutesPerMember(underPath: string, from: number, to: number) {
      const rows = await db
        .selectFrom('points_entry')
        .select(['member_id', (eb) => eb.fn.sum<number | string>('amount').as('minutes')])
        .select((eb) => eb.fn.max('member_name').as('member_name'))
        .select((eb) => eb.fn.max('branch_path').as('branch_path'))
        .where('kind', '=', 'hours')
        .where(eitherUnder('branch_path', 'community_path', underPath))
        .where('occurred_at', '>=', from)
        .where('occurred_at', '<', to)
        .groupBy('member_id')
        .execute();
      return rows.map((r) => ({
        memberId: r.member_id,
        memberName: r.member_name,
        branchPath: r.branch_path,
        minutes: Number(r.minutes),
      }));
    },
    async postNumbers(underPath: string, from: number, to: number) {
      const posts = await db
        .selectFrom('volunteer_post')
        .select(['id', 'places'])
        .where(under('org_path', underPath))
        .where('created_at', '>=', from)
        .where('created_at', '<', to)
        .execute();
      const claims = await this.claimsOf(posts.map((p) => p.id));
      const perPost = new Map<string, number>();
      for (const c of claims) {
        perPost.set(c.post_id, (perPost.get(c.post_id) ?? 0) + 1);
      }
      return {
        posts: posts.length,
        places: posts.reduce((n, p) => n + p.places, 0),
        placesFilled: posts.reduce((n, p) => n + Math.min(p.places, perPost.get(p.id) ?? 0), 0),
        postsFilled: posts.filter((p) => (perPost.get(p.id) ?? 0) >= p.places).length,
      };
    },
    async activityNumbers(underPath: string, from: number, to: number) {
      const rows = await db
        .selectFrom('volunteer_activity')
        .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where(under('org_path', underPath))
        .where('starts_at', '>=', from)
        .where('starts_at', '<', to)
        .groupBy('status')
        .execute();
      return new Map(rows.map((r) => [r.status, Number(r.n)]));
    },
    /** Members counted where their branch is (home), units where they registered (community). */
    async registrationCounts(underPath: string, now: number) {
      const rows = await db
        .selectFrom('volunteer_registration')
        .select(['kind', 'status', 'valid_until', 'home_path', 'community_path'])
        .where(eitherUnder('community_path', 'home_path', underPath))
        .where('status', 'in', ['pending', 'confirmed'])
        .execute();
      const isUnder = (p: string) => p >= underPath && p < subtreeUpper(underPath);
      const members = rows.filter((r) => r.kind === 'member' && isUnder(r.home_path));
      const units = rows.filter((r) => r.kind === 'unit' && isUnder(r.community_path));
      const isValid = (r: { status: string; valid_until: number | null }) =>
        r.status === 'confirmed' && (r.valid_until ?? 0) > now;
      return {
        membersConfirmed: members.filter(isValid).length,
        membersPending: members.filter((r) => r.status === 'pending').length,
        unitsConfirmed: units.filter(isValid).length,
        dueForReconfirmation: rows.filter((r) => r.status === 'confirmed' && !isValid(r)).length,
      };
    },

    // Certificates
    async insertCertificate(row: CertificateRow) {
      await db.insertInto('volunteer_certificate').values(row).execute();
    },
    async findCertificate(scope: Scope, id: string) {
      return db
        .selectFrom('volunteer_certificate')
        .selectAll()
        .where('id', '=', id)
        .where(under('org_path', scope.path))
        .executeTakeFirst();
    },
    async certificateByCode(code: string) {
      return db.selectFrom('volunteer_certificate').selectAll().where('code', '=', code).executeTakeFirst();
    },
    async certificatesOf(memberId: string, year: number) {
      return db
        .selectFrom('volunteer_certificate')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('year', '=', year)
        .where('status', 'in', ['notice', 'issued'])
        .execute();
    },
    async listCertificates(underPath: string, limit: number) {
      return db
        .selectFrom('volunteer_certificate')
        .selectAll()
        .where(under('org_path', underPath))
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    },
    async updateCertificate(id: string, patch: Partial<CertificateRow>) {
      await db.updateTable('volunteer_certificate').set(patch).where('id', '=', id).execute();
    },

    // Sunshine relief
    async insertPairings(rows: PairingRow[]) {
      await chunked(rows, (c) => db.insertInto('relief_pairing').values(c).execute());
    },
    async findPairing(scope: Scope, id: string) {
      return db
        .selectFrom('relief_pairing')
        .selectAll()
        .where('id', '=', id)
        .where(under('org_path', scope.path))
        .executeTakeFirst();
    },
    async pairingsOfMember(memberId: string) {
      return db
        .selectFrom('relief_pairing')
        .selectAll()
        .where('member_id', '=', memberId)
        .where('ended_at', 'is', null)
        .execute();
    },
    /** Every pairing of one household, current and ended, newest first. */
    async pairingsOfHousehold(householdId: string) {
      return db
        .selectFrom('relief_pairing')
        .selectAll()
        .where('household_id', '=', householdId)
        .orderBy('started_at', 'desc')
        .execute();
    },
    /** Of the named households, those with a pairing running at the instant. */
    async householdsPairedAt(householdIds: readonly string[], at: number): Promise<Set<string>> {
      const out = new Set<string>();
      for (let i = 0; i < householdIds.length; i += 500) {
        const rows = await db
          .selectFrom('relief_pairing')
          .select('household_id')
          .where('household_id', 'in', householdIds.slice(i, i + 500))
          .where('started_at', '<=', at)
          .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', at)]))
          .execute();
        for (const r of rows) {
          out.add(r.household_id);
        }
      }
      return out;
    },
    async listPairings(underPath: string, limit: number) {
      return db
        .selectFrom('relief_pairing')
        .selectAll()
        .where(under('org_path', underPath))
        .orderBy('org_path')
        .orderBy('id')
        .limit(limit)
        .execute();
    },
    async insertReliefVisits(rows: ReliefVisitRow[]) {
      await chunked(rows, (c) => db.insertInto('relief_visit').values(c).execute());
    },
    async insertVisitPhoto(row: DB['relief_visit_photo']) {
      await db.insertInto('relief_visit_photo').values(row).execute();
    },
    /** A visit's photo, only when the visit lies in the scope. */
    async visitPhoto(scope: Scope, visitId: string) {
      return db
        .selectFrom('relief_visit_photo')
        .innerJoin('relief_visit', 'relief_visit.id', 'relief_visit_photo.visit_id')
        .select(['relief_visit_photo.mime', 'relief_visit_photo.bytes', 'relief_visit.pairing_id'])
        .where('relief_visit_photo.visit_id', '=', visitId)
        .where(under('relief_visit.org_path', scope.path))
        .executeTakeFirst();
    },
    /** One row per organisation and quarter: a second send of the same quarter writes nothing. */
    async insertFeedback(rows: DB['volunteer_feedback'][]) {
      await chunked(rows, (c) =>
        db
          .insertInto('volunteer_feedback')
          .values(c)
          .onConflict((oc) => oc.columns(['kind', 'org_id', 'period']).doNothing())
          .execute(),
      );
    },
    async feedbackSent(scope: Scope, filter: { period?: string; kind?: string; limit: number }) {
      let q = db.selectFrom('volunteer_feedback').selectAll().where(under('org_path', scope.path));
      if (filter.period !== undefined) {
        q = q.where('period', '=', filter.period);
      }
      if (filter.kind !== undefined) {
        q = q.where('kind', '=', filter.kind);
      }
      return q.orderBy('period', 'desc').orderBy('org_path').limit(filter.limit).execute();
    },
    async visitsOfPairings(pairingIds: string[]) {
      if (pairingIds.length === 0) {
        return [];
      }
      return db
        .selectFrom('relief_visit')
        .selectAll()
        .where('pairing_id', 'in', pairingIds)
        .orderBy('started_at', 'desc')
        .execute();
    },
    /** Visits recorded near a point over a period (for the same-position flag): positions within a small box. */
    async visitsNear(lng: number, lat: number, delta: number, from: number, to: number) {
      return db
        .selectFrom('relief_visit')
        .selectAll()
        .where('lng', '>=', lng - delta)
        .where('lng', '<=', lng + delta)
        .where('lat', '>=', lat - delta)
        .where('lat', '<=', lat + delta)
        .where('started_at', '>=', from)
        .where('started_at', '<', to)
        .execute();
    },
    async reliefVisitCount(underPath: string, from: number, to: number) {
      const r = await db
        .selectFrom('relief_visit')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where(under('org_path', underPath))
        .where('started_at', '>=', from)
        .where('started_at', '<', to)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /**
     * An org merged into another: registrations, posts and activities of the merged community go to the target, as
     * do unit registrations and relief pairings of a merged unit, and the records filed at its path. Ledger entries
     * keep the community they were served in (what happened), with the path of the community that now answers.
     */
    async reassign(from: { id: string; path: string }, to: { id: string; path: string }) {
      for (const table of ['volunteer_registration', 'volunteer_post', 'volunteer_activity'] as const) {
        await db
          .updateTable(table)
          .set({ community_id: to.id })
          .where('community_id', '=', from.id)
          .execute();
      }
      for (const table of ['volunteer_registration', 'relief_pairing'] as const) {
        await db.updateTable(table).set({ unit_org_id: to.id }).where('unit_org_id', '=', from.id).execute();
      }
      for (const [table, column] of PATH_COLUMNS) {
        await db
          .updateTable(table)
          .set({ [column]: to.path })
          .where(column, '=', from.path)
          .execute();
      }
    },

    /** A subtree moved: every path column under the old prefix follows (ledger facts stay as they are). */
    async repath(oldPrefix: string, newPrefix: string) {
      for (const [table, column] of PATH_COLUMNS) {
        await repathColumn(db, table, column, oldPrefix, newPrefix);
      }
    },
  };
}

export type VolunteerRepository = ReturnType<typeof volunteerRepository>;
