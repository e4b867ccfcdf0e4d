// HTTP routes of the talent pool: search and list, file and edit, a profile with its assignments, confirm, the
// audited reveal, the needs talents are put to and the ranked suggestions for one, assignments and their
// completion, the numbers. No public route: every profile holds personal data.
import { Type, type Static, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { scopeOf, type UserActor } from '../access/index.js';
import { findGridInScope } from '../grids/index.js';
import { orgDirectory } from '../orgs/index.js';
import { notFound } from '../platform/errors.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { contextOf, userOf } from '../platform/http/request.js';
import { DAY_MS } from '../platform/time.js';
import type { Same } from '../platform/http/schemas.js';
import { assignTalent } from './assignTalent.js';
import { completeAssignment } from './completeAssignment.js';
import { confirmProfile } from './confirmProfile.js';
import { listNeeds, readNeed, type NeedRef } from './needs.js';
import { talentNumbers } from './numbers.js';
import {
  AssignmentSchema,
  KindSchema,
  presentAssignment,
  presentProfile,
  presentSuggestion,
  ProfileSchema,
  SuggestionSchema,
  TargetSchema,
  type OrgNames,
} from './presenter.js';
import { rankTalents } from './rankTalents.js';
import { talentRepository, type ProfileListRow } from './repository.js';
import { revealTalent } from './revealTalent.js';
import { saveProfile } from './saveProfile.js';
import { MAX_TAG_LENGTH, normaliseTag } from './skills.js';
import type { NeedKind, TalentKind, TargetKind } from './vocabulary.js';
import { keyAfter, keysetPage } from '../platform/http/keyset.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Instant = Type.Integer({ minimum: 0, maximum: 253_402_300_799_999 });
const Need = Type.Union([Type.Literal('demand'), Type.Literal('post'), Type.Literal('topic')]);

/** The schemas' unions are the vocabulary's: changing one without the other fails to compile. */
export const vocabularyAgrees: [
  Same<Static<typeof KindSchema>, TalentKind>,
  Same<Static<typeof TargetSchema>, TargetKind>,
  Same<Static<typeof Need>, NeedKind>,
] = [true, true, true];

const ProfileBody = Type.Object({
  orgId: Id,
  gridId: Type.Optional(Nullable(Id)),
  memberId: Type.Optional(Nullable(Id)),
  name: Type.String({ minLength: 1, maxLength: 30 }),
  kind: KindSchema,
  skills: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 20 }),
  summary: Type.String({ maxLength: 1000 }),
  availability: Type.String({ maxLength: 200 }),
  weekdays: Type.Boolean(),
  weekends: Type.Boolean(),
  consent: Type.Boolean(),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
});

const IdParams = Type.Object({ id: Id });
const NeedSchema = Type.Object({
  kind: Need,
  id: Type.String(),
  title: Type.String(),
  detail: Type.String(),
  status: Type.String(),
  isOpen: Type.Boolean(),
  orgName: Type.String(),
  createdAt: Type.Integer(),
});

/** The organisation a materialised path ends in. */
const lastSegment = (path: string): string =>
  path
    .split('/')
    .filter((s) => s !== '')
    .at(-1) ?? '';
const YEAR_MS = 365 * DAY_MS;

export const talentRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const { db, dialect } = database;
  const repo = talentRepository(db);
  const orgs = orgDirectory(db, dialect);
  const cipher = deps.services.cipher;

  const namesOf = async (ids: readonly string[]): Promise<OrgNames> => {
    const rows = await orgs.byIds([...new Set(ids)]);
    return new Map(rows.map((o) => [o.id, { name: o.name, level: o.level }]));
  };
  const presentAll = async (actor: UserActor, rows: readonly ProfileListRow[], now: number) => {
    const names = await namesOf(rows.map((r) => r.org_id));
    return rows.map((r) => presentProfile(r, names, actor, now));
  };
  const detail = async (actor: UserActor, id: string, now: number) => {
    const scope = scopeOf(actor);
    const row = await repo.findById(scope, id);
    if (row === undefined) {
      throw notFound();
    }
    const [item] = await presentAll(actor, [row], now);
    const grid = row.grid_id === null ? null : await findGridInScope(db, scope, row.grid_id);
    return {
      item: item!,
      grid: grid === null ? null : { id: grid.id, code: grid.code, name: grid.name },
      assignments: (await repo.assignmentsOf(row.id)).map(presentAssignment),
    };
  };
  const DetailSchema = Type.Object({
    item: ProfileSchema,
    grid: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
    assignments: Type.Array(AssignmentSchema),
  });
  const presentNeeds = async (needs: readonly NeedRef[]) => {
    const names = await namesOf(needs.map((n) => lastSegment(n.orgPath)));
    return needs.map((n) => ({
      kind: n.kind,
      id: n.id,
      title: n.title,
      detail: n.detail,
      status: n.status,
      isOpen: n.isOpen,
      orgName: names.get(lastSegment(n.orgPath))?.name ?? '',
      createdAt: n.createdAt,
    }));
  };

  app.get(
    '/api/talents',
    {
      config: { auth: 'talent.read' },
      schema: {
        tags: ['talent'],
        summary:
          'Search the talent pool by skill (a tag or its beginning), place, kind, availability, consent, stale',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          skill: Type.Optional(Type.String({ maxLength: MAX_TAG_LENGTH })),
          kind: Type.Optional(KindSchema),
          weekdays: Type.Optional(Type.Boolean()),
          weekends: Type.Optional(Type.Boolean()),
          consent: Type.Optional(Type.Boolean()),
          stale: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          cursor: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(ProfileSchema), nextCursor: Nullable(Type.String()) }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const scope = scopeOf(actor);
      const q = request.query;
      const org = await orgs.findById(scope, q.orgId ?? actor.active.orgId);
      if (org === undefined) {
        throw notFound();
      }
      const limit = q.limit ?? 50;
      const rows = await repo.list(scope, {
        underPath: org.path,
        skill: q.skill === undefined ? undefined : normaliseTag(q.skill),
        kind: q.kind,
        weekdays: q.weekdays,
        weekends: q.weekends,
        consent: q.consent,
        stale: q.stale,
        now: request.now,
        afterId: keyAfter(q.cursor),
        limit: limit + 1,
      });
      const { page, nextCursor } = keysetPage(rows, limit);
      return { items: await presentAll(actor, page, request.now), nextCursor };
    },
  );

  app.post(
    '/api/talents',
    {
      config: { auth: 'talent.write' },
      schema: {
        tags: ['talent'],
        summary: 'File a talent in a village or town in scope (the phone encrypted and masked)',
        body: ProfileBody,
        response: { 200: DetailSchema },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const b = request.body;
      const id = await db
        .transaction()
        .execute((trx) =>
          saveProfile(
            trx,
            dialect,
            cipher,
            contextOf(request),
            scopeOf(actor),
            { ...b, gridId: b.gridId ?? null, memberId: b.memberId ?? null, phone: b.phone ?? null },
            null,
          ),
        );
      return detail(actor, id, request.now);
    },
  );

  app.get(
    '/api/talents/numbers',
    {
      config: { auth: 'talent.read' },
      schema: {
        tags: ['talent'],
        summary:
          'Talents per kind, with consent, stale and engaged in the period, for a unit and each child unit',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          from: Type.Optional(Instant),
          to: Type.Optional(Instant),
        }),
        response: {
          200: Type.Object({
            org: Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() }),
            period: Type.Object({ from: Type.Integer(), to: Type.Integer() }),
            numbers: Type.Object({
              total: Type.Integer(),
              byKind: Type.Record(Type.String(), Type.Integer()),
              consenting: Type.Integer(),
              stale: Type.Integer(),
              engaged: Type.Integer(),
              assignments: Type.Integer(),
            }),
            children: Type.Array(
              Type.Object({
                orgId: Type.String(),
                name: Type.String(),
                total: Type.Integer(),
                consenting: Type.Integer(),
                stale: Type.Integer(),
                engaged: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const scope = scopeOf(actor);
      const org = await orgs.findById(scope, request.query.orgId ?? actor.active.orgId);
      if (org === undefined) {
        throw notFound();
      }
      const period = {
        from: request.query.from ?? request.now - YEAR_MS,
        to: request.query.to ?? request.now + 1,
      };
      const numbers = await talentNumbers(db, org.path, period, request.now);
      const children = [];
      if (org.level === 'district' || org.level === 'town') {
        const kids = await orgs.children(scope, org.id, 500, null);
        for (const c of kids.filter((k) => k.level === 'town' || k.level === 'village')) {
          const n = await talentNumbers(db, c.path, period, request.now);
          children.push({
            orgId: c.id,
            name: c.name,
            total: n.total,
            consenting: n.consenting,
            stale: n.stale,
            engaged: n.engaged,
          });
        }
      }
      return { org: { id: org.id, name: org.name, level: org.level }, period, numbers, children };
    },
  );

  app.get(
    '/api/talents/needs',
    {
      config: { auth: 'talent.read' },
      schema: {
        tags: ['talent'],
        summary:
          'The open demands, volunteer posts or consultation topics in view that talents can be put to',
        querystring: Type.Object({
          kind: Need,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(NeedSchema) }) },
      },
    },
    async (request) => {
      const needs = await listNeeds(
        db,
        dialect,
        userOf(request),
        request.query.kind,
        request.query.limit ?? 100,
      );
      return { items: await presentNeeds(needs) };
    },
  );

  app.get(
    '/api/talents/suggestions',
    {
      config: { auth: 'talent.read' },
      schema: {
        tags: ['talent'],
        summary:
          'Talents suggested for an alliance demand, a volunteer post or a consultation topic (best first, with ' +
          'reasons), and the talents already put to it',
        querystring: Type.Object({
          need: Need,
          id: Id,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
        }),
        response: {
          200: Type.Object({
            need: NeedSchema,
            items: Type.Array(SuggestionSchema),
            assignments: Type.Array(
              Type.Object({
                profileId: Type.String(),
                profileName: Type.String(),
                profileKind: KindSchema,
                assignment: AssignmentSchema,
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const scope = scopeOf(actor);
      const need = await readNeed(db, dialect, actor, request.query.need, request.query.id);
      if (need === undefined) {
        throw notFound();
      }
      // Candidates live in the need's town, or in the caller's scope when that is narrower.
      const town = need.orgPath
        .split('/')
        .filter((s) => s !== '')
        .slice(0, 2);
      const townPath = town.length === 2 ? `/${town.join('/')}/` : need.orgPath;
      const underPath = townPath.startsWith(scope.path) ? townPath : scope.path;
      const candidates = await repo.candidates(scope, underPath, 2000);
      const active = await repo.activeAssignmentCounts(
        candidates.map((c) => c.id),
        request.now,
      );
      const already = await repo.assignedTo(need.id);
      const ranked = need.isOpen
        ? rankTalents(need, candidates, active, already, request.now, request.query.limit ?? 20)
        : [];
      const names = await namesOf(ranked.map((s) => s.profile.org_id));
      const [presented] = await presentNeeds([need]);
      return {
        need: presented!,
        items: ranked.map((s) => presentSuggestion(s, names, actor, request.now)),
        assignments: (await repo.assignmentsOn(scope, need.id)).map((a) => ({
          profileId: a.profile_id,
          profileName: a.profile_name,
          profileKind: a.profile_kind as TalentKind,
          assignment: presentAssignment(a),
        })),
      };
    },
  );

  app.get(
    '/api/talents/:id',
    {
      config: { auth: 'talent.read' },
      schema: {
        tags: ['talent'],
        summary: 'One talent (phone masked) with their assignments',
        params: IdParams,
        response: { 200: DetailSchema },
      },
    },
    async (request) => detail(userOf(request), request.params.id, request.now),
  );

  app.put(
    '/api/talents/:id',
    {
      config: { auth: 'talent.write' },
      schema: {
        tags: ['talent'],
        summary: 'Edit a profile (confirms it current); leave out phone to keep the one on file',
        params: IdParams,
        body: ProfileBody,
        response: { 200: DetailSchema },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const b = request.body;
      await db
        .transaction()
        .execute((trx) =>
          saveProfile(
            trx,
            dialect,
            cipher,
            contextOf(request),
            scopeOf(actor),
            { ...b, gridId: b.gridId ?? null, memberId: b.memberId ?? null },
            request.params.id,
          ),
        );
      return detail(actor, request.params.id, request.now);
    },
  );

  app.post(
    '/api/talents/:id/confirm',
    {
      config: { auth: 'talent.write' },
      schema: {
        tags: ['talent'],
        summary: 'Confirm a profile still current (the stale flag goes for a year)',
        params: IdParams,
        response: { 200: DetailSchema },
      },
    },
    async (request) => {
      const actor = userOf(request);
      await db
        .transaction()
        .execute((trx) => confirmProfile(trx, contextOf(request), scopeOf(actor), request.params.id));
      return detail(actor, request.params.id, request.now);
    },
  );

  app.post(
    '/api/talents/:id/reveal',
    {
      config: { auth: 'talent.reveal' },
      schema: {
        tags: ['talent'],
        summary:
          'Show the full phone number of a talent who agreed to be contacted; needs a reason and is audited',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ maxLength: 500 }) }),
        response: { 200: Type.Object({ phone: Nullable(Type.String()) }) },
      },
    },
    async (request) =>
      revealTalent(database, cipher, contextOf(request), scopeOf(userOf(request)), {
        id: request.params.id,
        reason: request.body.reason,
      }),
  );

  app.post(
    '/api/talents/:id/assignments',
    {
      config: { auth: 'talent.write' },
      schema: {
        tags: ['talent'],
        summary: 'Put a talent to work on a demand, a volunteer post, a topic or a grassroots post',
        params: IdParams,
        body: Type.Object({
          targetKind: TargetSchema,
          targetId: Type.Optional(Nullable(Id)),
          title: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
          startsAt: Instant,
          endsAt: Type.Optional(Nullable(Instant)),
          record: Type.String({ maxLength: 2000 }),
        }),
        response: { 200: Type.Object({ item: AssignmentSchema }) },
      },
    },
    async (request) => {
      const b = request.body;
      const row = await db.transaction().execute((trx) =>
        assignTalent(trx, dialect, contextOf(request), userOf(request), request.params.id, {
          targetKind: b.targetKind,
          targetId: b.targetId ?? null,
          title: b.title ?? null,
          startsAt: b.startsAt,
          endsAt: b.endsAt ?? null,
          record: b.record,
        }),
      );
      return { item: presentAssignment(row) };
    },
  );

  app.post(
    '/api/talents/:id/assignments/:assignmentId/complete',
    {
      config: { auth: 'talent.write' },
      schema: {
        tags: ['talent'],
        summary: 'End an assignment with what was done and an evaluation (1–5)',
        params: Type.Object({ id: Id, assignmentId: Id }),
        body: Type.Object({
          endsAt: Type.Optional(Nullable(Instant)),
          outcome: Type.String({ maxLength: 2000 }),
          rating: Type.Integer(),
          record: Type.String({ maxLength: 2000 }),
        }),
        response: { 200: Type.Object({ item: AssignmentSchema }) },
      },
    },
    async (request) => {
      const b = request.body;
      const row = await db
        .transaction()
        .execute((trx) =>
          completeAssignment(
            trx,
            contextOf(request),
            scopeOf(userOf(request)),
            request.params.id,
            request.params.assignmentId,
            { endsAt: b.endsAt ?? null, outcome: b.outcome, rating: b.rating, record: b.record },
          ),
        );
      return { item: presentAssignment(row) };
    },
  );
};
