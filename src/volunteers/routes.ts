// HTTP routes of the volunteers module: the community's console (scoped to the caller's subtree) and the member's
// phone pages under /api/volunteers/my and /api/points/my (the caller's own party member).
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { scopeOf } from '../access/index.js';
import { memberDirectory } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import { AppError, notFound } from '../platform/errors.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { DAY_MS, instantOfLocalDate, localYear } from '../platform/time.js';
import { awardPoints } from './awardPoints.js';
import { serviceCategories } from './categories.js';
import { checkInOut } from './checkIn.js';
import { confirmActivity } from './confirmActivity.js';
import { decideRegistration, registrationDecisions } from './confirmRegistration.js';
import { activityOrThrow, callerMember, type VolunteerDeps } from './deps.js';
import { branchPathOf, memberLedger, rankingOf } from './ledgerViews.js';
import { volunteerNumbers } from './numbers.js';
import {
  ActSchema,
  ActivitySchema,
  EntrySchema,
  MySignupSchema,
  PostSchema,
  RegistrationSchema,
  RuleSchema,
  SignupSchema,
  presentAct,
  presentActivity,
  presentEntry,
  presentPost,
  presentRegistration,
  presentRules,
  presentSignup,
} from './presenter.js';
import { claimPost, closePost, publishPost } from './publishPost.js';
import { registerWithCommunity } from './registerWithCommunity.js';
import { volunteerRepository, type ActivityRow, type PostRow } from './repository.js';
import { reverseEntries } from './reverseEntries.js';
import { ruleCodes } from './rules.js';
import { scheduleActivity } from './scheduleActivity.js';
import { signUp, withdrawSignup } from './signUp.js';
import { unregisteredMembers } from './unregisteredMembers.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Ok = { 200: Type.Object({ ok: Type.Boolean() }) };
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T keeps the literal union for inference
const Literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const Category = Literals(serviceCategories);
const Skills = Type.Array(Type.String({ maxLength: 30 }), { maxItems: 10 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });

const BalancesSchema = Type.Object({ minutes: Type.Integer(), points: Type.Integer() });
const RankSchema = Type.Object({
  rank: Type.Integer(),
  memberId: Type.String(),
  name: Type.String(),
  points: Type.Integer(),
  minutes: Type.Integer(),
});
const PathHoursSchema = Type.Object({
  orgPath: Type.String(),
  hours: Type.Number(),
  members: Type.Integer(),
});
const NumbersSchema = Type.Object({
  total: Type.Object({
    hours: Type.Number(),
    membersServing: Type.Integer(),
    members: Type.Integer(),
    membersRegistered: Type.Integer(),
    membersPending: Type.Integer(),
    registrationsDue: Type.Integer(),
    unitsRegistered: Type.Integer(),
    registrationCoverage: Type.Union([Type.Number(), Type.Null()]),
    posts: Type.Integer(),
    postsFilled: Type.Integer(),
    places: Type.Integer(),
    placesFilled: Type.Integer(),
    activitiesHeld: Type.Integer(),
    activitiesOpen: Type.Integer(),
    reliefVisits: Type.Integer(),
  }),
  communities: Type.Array(PathHoursSchema),
  branches: Type.Array(PathHoursSchema),
  members: Type.Array(
    Type.Object({
      memberId: Type.String(),
      name: Type.String(),
      branchPath: Type.String(),
      hours: Type.Number(),
      isBelowBar: Type.Boolean(),
    }),
  ),
});

export const volunteerRoutes: ModuleRoutes = async (base, { deps: appDeps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = appDeps;
  const { db, dialect } = database;
  const deps: VolunteerDeps = { database };
  const repo = volunteerRepository(db, dialect);
  const scope = (request: FastifyRequest) => scopeOf(userOf(request));
  const me = (request: FastifyRequest) => callerMember(db, dialect, userOf(request));
  /** The organisation a staff read is about: one in the caller's subtree, by default the caller's own. */
  const orgIn = async (request: FastifyRequest, orgId: string | undefined) => {
    const s = scope(request);
    const id = orgId ?? userOf(request).active.orgId;
    const org = await orgDirectory(db, dialect).findById(s, id);
    if (org === undefined) {
      throw notFound();
    }
    return org;
  };
  const presentPosts = async (rows: PostRow[], memberId: string | null) => {
    const claims = await repo.claimsOf(rows.map((r) => r.id));
    return rows.map((r) => {
      const mine = claims.filter((c) => c.post_id === r.id);
      return presentPost(
        r,
        mine.length,
        mine.some((c) => c.member_id === memberId),
      );
    });
  };
  const presentActivities = async (rows: ActivityRow[]) => {
    const taken = await repo.activeSignupCounts(rows.map((r) => r.id));
    return rows.map((r) => presentActivity(r, taken.get(r.id) ?? 0));
  };
  const occurredAtOf = (date: string | undefined, now: number) =>
    date === undefined ? now : Math.min(now, instantOfLocalDate(date) + 12 * 3_600_000);

  app.get(
    '/api/volunteers/rules',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['volunteers'],
        summary: 'The rule catalogue of the hours and points ledger',
        response: {
          200: Type.Object({ items: Type.Array(RuleSchema), categories: Type.Array(Type.String()) }),
        },
      },
    },
    async () => ({ items: presentRules(), categories: [...serviceCategories] }),
  );

  app.get(
    '/api/volunteers/communities',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags: ['volunteers'],
        summary: 'Communities and villages one may register with (双报到)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ id: Type.String(), name: Type.String(), townName: Type.String() }),
            ),
          }),
        },
      },
    },
    async () => {
      const orgs = orgDirectory(db, dialect);
      const villages = await orgs.activeAtLevel('village');
      const towns = new Map((await orgs.activeAtLevel('town')).map((t) => [t.id, t.name]));
      return {
        items: villages.map((v) => ({
          id: v.id,
          name: v.name,
          townName: towns.get(v.parent_id ?? '') ?? '',
        })),
      };
    },
  );

  // Registration (双报到)
  app.get(
    '/api/volunteers/registrations',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'Registrations with communities of the subtree, or of members and units of the subtree',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          side: Type.Optional(Literals(['community', 'home'] as const)),
          kind: Type.Optional(Literals(['member', 'unit'] as const)),
          status: Type.Optional(Literals(['pending', 'confirmed', 'refused', 'ended'] as const)),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(RegistrationSchema) }) },
      },
    },
    async (request) => {
      const org = await orgIn(request, request.query.orgId);
      const q = request.query;
      const rows = await repo.listRegistrations(scope(request), {
        ...(q.side === 'home' ? { homePath: org.path } : { communityPath: org.path }),
        kind: q.kind,
        status: q.status,
        limit: q.limit ?? 200,
      });
      return { items: rows.map((r) => presentRegistration(r, request.now)) };
    },
  );

  app.post(
    '/api/volunteers/registrations',
    {
      config: { auth: 'volunteer.manage' },
      schema: {
        tags: ['volunteers'],
        summary: 'Register a member or a unit of the subtree with a community (waits for its confirmation)',
        body: Type.Object({
          memberId: Type.Optional(Id),
          unitOrgId: Type.Optional(Id),
          communityId: Id,
        }),
        response: { 200: Type.Object({ item: RegistrationSchema }) },
      },
    },
    async (request) => {
      const s = scope(request);
      const { memberId, unitOrgId, communityId } = request.body;
      if ((memberId === undefined) === (unitOrgId === undefined)) {
        throw new AppError('request.invalid', {
          errors: [{ field: 'memberId', message: 'either a member or a unit' }],
        });
      }
      let row;
      if (memberId !== undefined) {
        const member = await memberDirectory(db, dialect).findById(s, memberId);
        if (member === undefined) {
          throw notFound();
        }
        row = await registerWithCommunity(deps, contextOf(request), { registrant: { member }, communityId });
      } else {
        const unit = await orgDirectory(db, dialect).findById(s, unitOrgId!);
        if (unit === undefined) {
          throw notFound();
        }
        row = await registerWithCommunity(deps, contextOf(request), { registrant: { unit }, communityId });
      }
      return { item: presentRegistration(row, request.now) };
    },
  );

  app.post(
    '/api/volunteers/registrations/:id/decision',
    {
      config: { auth: 'volunteer.manage' },
      schema: {
        tags: ['volunteers'],
        summary: 'The community confirms (again, every half year), refuses or ends a registration',
        params: IdParams,
        body: Type.Object({
          decision: Literals(registrationDecisions),
          reason: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
        }),
        response: { 200: Type.Object({ item: RegistrationSchema }) },
      },
    },
    async (request) => {
      const row = await decideRegistration(deps, contextOf(request), scope(request), {
        id: request.params.id,
        decision: request.body.decision,
        reason: request.body.reason ?? null,
        userId: userOf(request).userId,
      });
      return { item: presentRegistration(row, request.now) };
    },
  );

  app.get(
    '/api/volunteers/unregistered',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'Members of a branch not registered with a community, or whose confirmation has lapsed',
        querystring: Type.Object({ orgId: Id }),
        response: {
          200: Type.Object({
            branch: Type.Object({ id: Type.String(), name: Type.String() }),
            employer: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
            members: Type.Integer(),
            registered: Type.Integer(),
            items: Type.Array(
              Type.Object({
                memberId: Type.String(),
                name: Type.String(),
                state: Type.String(),
                communityName: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async (request) => unregisteredMembers(database, scope(request), request.query.orgId, request.now),
  );

  // Posts
  app.get(
    '/api/volunteers/posts',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'Volunteer posts published in the subtree',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          status: Type.Optional(Literals(['open', 'closed'] as const)),
          category: Type.Optional(Category),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 300, default: 100 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(PostSchema) }) },
      },
    },
    async (request) => {
      const org = await orgIn(request, request.query.orgId);
      const rows = await repo.listPosts({
        underPath: org.path,
        status: request.query.status,
        category: request.query.category,
        limit: request.query.limit ?? 100,
      });
      return { items: await presentPosts(rows, null) };
    },
  );

  app.post(
    '/api/volunteers/posts',
    {
      config: { auth: 'volunteer.manage' },
      schema: {
        tags: ['volunteers'],
        summary: 'Publish a volunteer post',
        body: Type.Object({
          communityId: Id,
          category: Category,
          title: Text(60),
          description: Type.String({ maxLength: 2000 }),
          skills: Skills,
          places: Type.Integer({ minimum: 1, maximum: 500 }),
        }),
        response: { 200: Type.Object({ item: PostSchema }) },
      },
    },
    async (request) => {
      const row = await publishPost(deps, contextOf(request), scope(request), {
        ...request.body,
        userId: userOf(request).userId,
      });
      return { item: presentPost(row, 0) };
    },
  );

  app.post(
    '/api/volunteers/posts/:id/close',
    {
      config: { auth: 'volunteer.manage' },
      schema: { tags: ['volunteers'], summary: 'Close a post', params: IdParams, response: Ok },
    },
    async (request) => {
      await closePost(deps, contextOf(request), scope(request), request.params.id);
      return { ok: true };
    },
  );

  // Activities
  app.get(
    '/api/volunteers/activities',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'Activities of the subtree, newest first',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          status: Type.Optional(Literals(['open', 'confirmed'] as const)),
          from: Type.Optional(Type.Integer()),
          to: Type.Optional(Type.Integer()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 300, default: 100 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(ActivitySchema) }) },
      },
    },
    async (request) => {
      const org = await orgIn(request, request.query.orgId);
      const rows = await repo.listActivities({
        underPath: org.path,
        status: request.query.status,
        from: request.query.from,
        to: request.query.to,
        limit: request.query.limit ?? 100,
      });
      return { items: await presentActivities(rows) };
    },
  );

  app.post(
    '/api/volunteers/activities',
    {
      config: { auth: 'volunteer.manage' },
      schema: {
        tags: ['volunteers'],
        summary: 'Schedule an activity: time, place (a point and a radius), places, skills',
        body: Type.Object({
          communityId: Id,
          postId: Type.Optional(Type.Union([Id, Type.Null()])),
          category: Category,
          title: Text(60),
          description: Type.String({ maxLength: 2000 }),
          placeName: Text(100),
          lng: Lng,
          lat: Lat,
          radiusM: Type.Optional(Type.Integer({ minimum: 50, maximum: 3000 })),
          startsAt: Type.Integer(),
          endsAt: Type.Integer(),
          places: Type.Integer({ minimum: 1, maximum: 500 }),
          skills: Skills,
        }),
        response: { 200: Type.Object({ item: ActivitySchema }) },
      },
    },
    async (request) => {
      const row = await scheduleActivity(deps, contextOf(request), scope(request), {
        ...request.body,
        userId: userOf(request).userId,
      });
      return { item: presentActivity(row, 0) };
    },
  );

  app.get(
    '/api/volunteers/activities/:id',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'An activity with its sign-ups and, while open, the QR code to show on site',
        params: IdParams,
        response: {
          200: Type.Object({
            item: ActivitySchema,
            checkinToken: Type.Union([Type.String(), Type.Null()]),
            signups: Type.Array(SignupSchema),
          }),
        },
      },
    },
    async (request) => {
      const a = await activityOrThrow(repo, scope(request), request.params.id);
      const signups = await repo.signupsOf(a.id);
      return {
        item: presentActivity(a, signups.filter((s) => s.cancelled_at === null).length),
        checkinToken: a.status === 'open' ? a.checkin_token : null,
        signups: signups.map((s) => presentSignup(a, s)),
      };
    },
  );

  app.post(
    '/api/volunteers/activities/:id/confirm',
    {
      config: { auth: 'volunteer.manage' },
      schema: {
        tags: ['volunteers'],
        summary: 'Confirm the activity: the hours of those present go into the ledger in one act',
        params: IdParams,
        body: Type.Object({
          adjustments: Type.Optional(
            Type.Array(Type.Object({ signupId: Id, minutes: Type.Integer({ minimum: 0, maximum: 720 }) }), {
              maxItems: 500,
            }),
          ),
        }),
        response: { 200: Type.Object({ item: ActivitySchema, act: Type.Union([ActSchema, Type.Null()]) }) },
      },
    },
    async (request) => {
      const { activity, posted } = await confirmActivity(
        deps,
        contextOf(request),
        scope(request),
        userOf(request),
        { activityId: request.params.id, adjustments: request.body.adjustments ?? [] },
      );
      const taken = (await repo.activeSignupCounts([activity.id])).get(activity.id) ?? 0;
      return {
        item: presentActivity(activity, taken),
        act: posted === null ? null : presentAct(posted.act, posted.entries),
      };
    },
  );

  // The ledger
  app.get(
    '/api/points/acts',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'Ledger acts approved in the subtree, newest first',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          kind: Type.Optional(Literals(['hours', 'points'] as const)),
          before: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(ActSchema) }) },
      },
    },
    async (request) => {
      const org = await orgIn(request, request.query.orgId);
      const acts = await repo.listActs({
        underPath: org.path,
        kind: request.query.kind,
        before: request.query.before,
        limit: request.query.limit ?? 50,
      });
      const items = [];
      for (const a of acts) {
        items.push(presentAct(a, await repo.entriesOfAct(a.id)));
      }
      return { items };
    },
  );

  app.get(
    '/api/points/acts/:id',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'A ledger act with its entries',
        params: IdParams,
        response: { 200: Type.Object({ item: ActSchema, entries: Type.Array(EntrySchema) }) },
      },
    },
    async (request) => {
      const act = await repo.findAct(scope(request), request.params.id);
      if (act === undefined) {
        throw notFound();
      }
      const entries = await repo.entriesOfAct(act.id);
      const reversed = await repo.reversalsOf(entries.map((e) => e.id));
      return {
        item: presentAct(act, entries),
        entries: entries.map((e) => presentEntry(e, act, reversed.has(e.id))),
      };
    },
  );

  app.post(
    '/api/points/acts',
    {
      config: { auth: 'points.approve' },
      schema: {
        tags: ['volunteers'],
        summary: 'Approve an entry of the rule catalogue for one or many members in one act',
        body: Type.Object({
          ruleCode: Literals(ruleCodes),
          lines: Type.Array(Type.Object({ memberId: Id, amount: Type.Integer() }), {
            minItems: 1,
            maxItems: 500,
          }),
          evidence: Text(500),
          note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
          occurredOn: Type.Optional(LocalDate),
        }),
        response: { 200: Type.Object({ item: ActSchema }) },
      },
    },
    async (request) => {
      const posted = await awardPoints(deps, contextOf(request), scope(request), userOf(request), {
        ruleCode: request.body.ruleCode,
        lines: request.body.lines,
        evidence: request.body.evidence,
        note: request.body.note ?? null,
        occurredAt: occurredAtOf(request.body.occurredOn, request.now),
      });
      return { item: presentAct(posted.act, posted.entries) };
    },
  );

  app.post(
    '/api/points/acts/:id/reverse',
    {
      config: { auth: 'points.approve' },
      schema: {
        tags: ['volunteers'],
        summary: 'Correct an act by a new act of reversing entries (all members, or some)',
        params: IdParams,
        body: Type.Object({
          memberIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 500 })),
          reason: Text(500),
        }),
        response: { 200: Type.Object({ item: ActSchema }) },
      },
    },
    async (request) => {
      const posted = await reverseEntries(deps, contextOf(request), scope(request), userOf(request), {
        actId: request.params.id,
        memberIds: request.body.memberIds,
        reason: request.body.reason,
      });
      return { item: presentAct(posted.act, posted.entries) };
    },
  );

  // A posted entry is never edited or deleted: say so plainly instead of a bare 405.
  for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
    app.route({
      method,
      url: '/api/points/entries/:id',
      config: { auth: 'points.approve' },
      schema: {
        tags: ['volunteers'],
        summary: 'Refused: ledger entries are never edited; post a reversal',
        params: IdParams,
      },
      handler: async () => {
        throw new AppError('volunteer.entry_fixed');
      },
    });
  }

  app.get(
    '/api/points/ranking',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'A branch’s members ranked by points for a year',
        querystring: Type.Object({ orgId: Id, year: Type.Optional(Year) }),
        response: { 200: Type.Object({ year: Type.Integer(), items: Type.Array(RankSchema) }) },
      },
    },
    async (request) => {
      const org = await orgIn(request, request.query.orgId);
      const year = request.query.year ?? localYear(request.now);
      return { year, items: await rankingOf(db, dialect, org.path, year) };
    },
  );

  app.get(
    '/api/volunteers/numbers',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'Volunteer numbers of an organisation’s subtree over the last days (default 365)',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3660 })),
        }),
        response: { 200: NumbersSchema },
      },
    },
    async (request) => {
      const org = await orgIn(request, request.query.orgId);
      const days = request.query.days ?? 365;
      return volunteerNumbers(
        db,
        dialect,
        org.path,
        { from: request.now - days * DAY_MS, to: request.now + 1 },
        request.now,
      );
    },
  );

  // The member's own pages
  app.get(
    '/api/volunteers/my',
    {
      config: { auth: 'volunteer.serve' },
      schema: {
        tags: ['volunteers'],
        summary: 'The caller’s registration, this year’s balances and rank in the branch',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: {
          200: Type.Object({
            memberId: Type.String(),
            name: Type.String(),
            year: Type.Integer(),
            registration: Type.Union([RegistrationSchema, Type.Null()]),
            balances: BalancesSchema,
            barMinutes: Type.Integer(),
            rank: Type.Union([Type.Integer(), Type.Null()]),
            branchSize: Type.Integer(),
          }),
        },
      },
    },
    async (request) => {
      const member = await me(request);
      const year = request.query.year ?? localYear(request.now);
      const reg = await repo.openRegistrationOf({ memberId: member.id });
      const ledger = await memberLedger(db, dialect, member.id, year);
      const branchPath = await branchPathOf(db, dialect, member.branch_id);
      const ranking = branchPath === null ? [] : await rankingOf(db, dialect, branchPath, year);
      return {
        memberId: member.id,
        name: member.name,
        year,
        registration: reg === undefined ? null : presentRegistration(reg, request.now),
        balances: ledger.balances,
        barMinutes: ledger.barMinutes,
        rank: ranking.find((r) => r.memberId === member.id)?.rank ?? null,
        branchSize: ranking.length,
      };
    },
  );

  app.post(
    '/api/volunteers/my/registration',
    {
      config: { auth: 'volunteer.serve' },
      schema: {
        tags: ['volunteers'],
        summary: 'Register with the community where one lives (双报到); it waits for the community',
        body: Type.Object({ communityId: Id }),
        response: { 200: Type.Object({ item: RegistrationSchema }) },
      },
    },
    async (request) => {
      const member = await me(request);
      const row = await registerWithCommunity(deps, contextOf(request), {
        registrant: { member },
        communityId: request.body.communityId,
      });
      return { item: presentRegistration(row, request.now) };
    },
  );

  app.get(
    '/api/volunteers/my/activities',
    {
      config: { auth: 'volunteer.serve' },
      schema: {
        tags: ['volunteers'],
        summary: 'Upcoming activities (of one’s registered community, or all) and one’s own sign-ups',
        querystring: Type.Object({ isAll: Type.Optional(Type.Boolean()) }),
        response: {
          200: Type.Object({ upcoming: Type.Array(ActivitySchema), mine: Type.Array(MySignupSchema) }),
        },
      },
    },
    async (request) => {
      const member = await me(request);
      const reg = await repo.openRegistrationOf({ memberId: member.id });
      const underPath = request.query.isAll === true || reg === undefined ? '/' : reg.community_path;
      const upcoming = await repo.listActivities({
        underPath,
        from: request.now,
        status: 'open',
        order: 'asc',
        limit: 50,
      });
      const signups = await repo.signupsOfMember(member.id, 50);
      const activities = await presentActivities(
        await repo.activitiesByIds(signups.map((s) => s.activity_id)),
      );
      const byId = new Map(activities.map((a) => [a.id, a]));
      return {
        upcoming: await presentActivities(upcoming),
        mine: signups.flatMap((s) => {
          const activity = byId.get(s.activity_id);
          return activity === undefined
            ? []
            : [
                {
                  activity,
                  signedUpAt: s.signed_up_at,
                  cancelledAt: s.cancelled_at,
                  signInAt: s.sign_in_at,
                  signOutAt: s.sign_out_at,
                },
              ];
        }),
      };
    },
  );

  app.post(
    '/api/volunteers/activities/:id/sign-up',
    {
      config: { auth: 'volunteer.serve' },
      schema: { tags: ['volunteers'], summary: 'Sign up for an activity', params: IdParams, response: Ok },
    },
    async (request) => {
      await signUp(deps, contextOf(request), {
        activityId: request.params.id,
        member: await me(request),
        userId: userOf(request).userId,
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/volunteers/activities/:id/withdraw',
    {
      config: { auth: 'volunteer.serve' },
      schema: {
        tags: ['volunteers'],
        summary: 'Withdraw before the activity',
        params: IdParams,
        response: Ok,
      },
    },
    async (request) => {
      await withdrawSignup(deps, contextOf(request), {
        activityId: request.params.id,
        member: await me(request),
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/volunteers/activities/:id/check-in',
    {
      config: { auth: 'volunteer.serve' },
      schema: {
        tags: ['volunteers'],
        summary: 'Sign in or out on site: the QR code, and the phone’s position checked against the place',
        params: IdParams,
        body: Type.Object({
          token: Text(64),
          lng: Lng,
          lat: Lat,
          direction: Literals(['in', 'out'] as const),
        }),
        response: {
          200: Type.Object({
            signInAt: Type.Union([Type.Integer(), Type.Null()]),
            signOutAt: Type.Union([Type.Integer(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const s = await checkInOut(deps, contextOf(request), {
        activityId: request.params.id,
        member: await me(request),
        token: request.body.token,
        position: { lng: request.body.lng, lat: request.body.lat },
        direction: request.body.direction,
      });
      return { signInAt: s.sign_in_at, signOutAt: s.sign_out_at };
    },
  );

  app.get(
    '/api/volunteers/my/posts',
    {
      config: { auth: 'volunteer.serve' },
      schema: {
        tags: ['volunteers'],
        summary: 'Open posts (of one’s registered community, or all)',
        response: { 200: Type.Object({ items: Type.Array(PostSchema) }) },
      },
    },
    async (request) => {
      const member = await me(request);
      const reg = await repo.openRegistrationOf({ memberId: member.id });
      const rows = await repo.listPosts({ underPath: reg?.community_path ?? '/', status: 'open', limit: 50 });
      return { items: await presentPosts(rows, member.id) };
    },
  );

  app.post(
    '/api/volunteers/posts/:id/claim',
    {
      config: { auth: 'volunteer.serve' },
      schema: { tags: ['volunteers'], summary: 'Claim a place on a post', params: IdParams, response: Ok },
    },
    async (request) => {
      await claimPost(deps, contextOf(request), { postId: request.params.id, member: await me(request) });
      return { ok: true };
    },
  );

  app.get(
    '/api/points/my',
    {
      config: { auth: 'volunteer.serve' },
      schema: {
        tags: ['volunteers'],
        summary: 'The caller’s ledger for a year: entries with rule, evidence and approver, and balances',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            balances: BalancesSchema,
            barMinutes: Type.Integer(),
            entries: Type.Array(EntrySchema),
          }),
        },
      },
    },
    async (request) => {
      const member = await me(request);
      return memberLedger(db, dialect, member.id, request.query.year ?? localYear(request.now));
    },
  );

  app.get(
    '/api/points/my/ranking',
    {
      config: { auth: 'volunteer.serve' },
      schema: {
        tags: ['volunteers'],
        summary: 'The ranking of the caller’s branch for a year',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: {
          200: Type.Object({ year: Type.Integer(), memberId: Type.String(), items: Type.Array(RankSchema) }),
        },
      },
    },
    async (request) => {
      const member = await me(request);
      const year = request.query.year ?? localYear(request.now);
      const branchPath = await branchPathOf(db, dialect, member.branch_id);
      return {
        year,
        memberId: member.id,
        items: branchPath === null ? [] : await rankingOf(db, dialect, branchPath, year),
      };
    },
  );
};
