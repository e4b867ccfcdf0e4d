// HTTP routes of the alliance's joint meetings and brand projects, and of undoing on the lists (withdrawing an item,
// cancelling an agreement); and the public showcase of an alliance's brand projects. Registered by allianceRoutes.
import { Type, type Static, type TSchema, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { scopeOf, type UserActor } from '../access/index.js';
import type { RequestContext } from '../platform/context.js';
import type { DB } from '../platform/db/schema.js';
import type { AppDeps } from '../platform/http/module.js';
import { orgDirectory } from '../orgs/index.js';
import { notFound } from '../platform/errors.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { Same } from '../platform/http/schemas.js';
import {
  addMilestone,
  addPartner,
  completeMilestone,
  declareBrand,
  moveBrand,
  reviewBrand,
} from './brands.js';
import { cancelMeeting, holdMeeting, scheduleMeeting } from './meetings.js';
import {
  brandOrgIds,
  meetingOrgIds,
  presentBrand,
  presentBrandEvent,
  presentMeeting,
  presentPublicBrand,
} from './projectPresenter.js';
import { allianceProjectRepository, PUBLIC_STAGES } from './projectRepository.js';
import { presentItem, presentMatch, type Names } from './presenter.js';
import { allianceRepository, type AllianceRow } from './repository.js';
import type { BrandEventKind, BrandStage as Stage, MeetingStatus as MStatus } from './vocabulary.js';
import { cancelMatch, withdrawItem } from './withdraw.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Instant = Type.Integer({ minimum: 0, maximum: 253_402_300_799_999 });
const Text = (max: number) => Type.String({ maxLength: max });
const Reason = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) });

const MeetingStatus = Type.Union([Type.Literal('planned'), Type.Literal('held'), Type.Literal('cancelled')]);
const BrandStage = Type.Union([
  Type.Literal('declared'),
  Type.Literal('incubating'),
  Type.Literal('filling'),
  Type.Literal('strengthening'),
  Type.Literal('declined'),
]);
const EventKind = Type.Union([Type.Literal('milestone'), Type.Literal('review'), Type.Literal('stage')]);

/** The schemas' unions are the vocabulary's: changing one without the other fails to compile. */
export const projectVocabularyAgrees: [
  Same<Static<typeof MeetingStatus>, MStatus>,
  Same<Static<typeof BrandStage>, Stage>,
  Same<Static<typeof EventKind>, BrandEventKind>,
] = [true, true, true];

const OrgRef = Type.Object({ orgId: Type.String(), orgName: Type.String() });
const MeetingSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  place: Type.String(),
  agenda: Type.String(),
  scheduledAt: Type.Integer(),
  status: MeetingStatus,
  minutes: Nullable(Type.String()),
  heldAt: Nullable(Type.Integer()),
  attendees: Type.Array(OrgRef),
  abilities: Type.Object({ hold: Type.Boolean(), cancel: Type.Boolean() }),
});
const BrandSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  stage: BrandStage,
  stageAt: Type.Integer(),
  leadOrgId: Type.String(),
  leadName: Type.String(),
  partners: Type.Array(
    Type.Object({ orgId: Type.String(), orgName: Type.String(), contribution: Type.String() }),
  ),
  createdAt: Type.Integer(),
  abilities: Type.Object({ edit: Type.Boolean(), review: Type.Boolean(), move: Type.Boolean() }),
});
const EventSchema = Type.Object({
  id: Type.String(),
  kind: EventKind,
  title: Type.String(),
  note: Type.String(),
  score: Nullable(Type.Integer()),
  stage: Nullable(BrandStage),
  dueAt: Nullable(Type.Integer()),
  doneAt: Nullable(Type.Integer()),
  at: Type.Integer(),
});
const PublicBrandSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  stage: BrandStage,
  leadName: Type.String(),
  partners: Type.Array(Type.Object({ orgName: Type.String(), contribution: Type.String() })),
  milestones: Type.Array(
    Type.Object({ title: Type.String(), dueAt: Nullable(Type.Integer()), doneAt: Nullable(Type.Integer()) }),
  ),
});

const AllianceParams = Type.Object({ id: Id });
const MeetingParams = Type.Object({ id: Id, meetingId: Id });
const BrandParams = Type.Object({ id: Id, brandId: Id });
const ItemParams = Type.Object({ id: Id, itemId: Id });
const MatchParams = Type.Object({ id: Id, matchId: Id });

/** The item's and agreement's answers are allianceRoutes' own schemas, handed in. */
export type ListSchemas = { item: TSchema; match: TSchema };

export async function allianceProjectRoutes(
  base: FastifyInstance,
  deps: AppDeps,
  schemas: ListSchemas,
): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, dialect } = deps.database;
  const repo = allianceRepository(db);
  const projects = allianceProjectRepository(db);

  const namesOf = async (ids: readonly string[]): Promise<Names> => {
    const rows = await orgDirectory(db, dialect).byIds([...new Set(ids)]);
    return new Map(rows.map((o) => [o.id, { name: o.name, level: o.level, type: o.type }]));
  };
  const visible = async (request: FastifyRequest, id: string): Promise<AllianceRow> => {
    const alliance = await repo.findVisible(scopeOf(userOf(request)), id);
    if (alliance === undefined) {
      throw notFound();
    }
    return alliance;
  };
  const write = 'alliance.write' as const;
  const read = 'alliance.read' as const;

  type Change<T> = (
    trx: Kysely<DB>,
    ctx: RequestContext,
    actor: UserActor,
    alliance: AllianceRow,
  ) => Promise<T>;
  /** A write on one alliance: the alliance found in the caller's scope, then the use case in one transaction. */
  const change = async <T>(request: FastifyRequest, allianceId: string, run: Change<T>) => {
    const actor = userOf(request);
    const alliance = await visible(request, allianceId);
    const row = await db.transaction().execute((trx) => run(trx, contextOf(request), actor, alliance));
    return { row, actor, alliance };
  };

  app.post(
    '/api/alliances/:id/items/:itemId/withdraw',
    {
      config: { auth: write },
      schema: {
        tags: ['alliance'],
        summary: 'Withdraw an item from its list (not while an agreement on it is under way)',
        params: ItemParams,
        body: Reason,
        response: { 200: Type.Object({ item: schemas.item }) },
      },
    },
    async (request) => {
      const { row, actor, alliance } = await change(request, request.params.id, (trx, ctx, actor, alliance) =>
        withdrawItem(trx, ctx, actor, alliance, request.params.itemId, request.body),
      );
      return { item: presentItem(row, await namesOf([row.owner_org_id]), actor, alliance) };
    },
  );

  app.post(
    '/api/alliances/:id/matches/:matchId/cancel',
    {
      config: { auth: write },
      schema: {
        tags: ['alliance'],
        summary: 'Cancel an agreement not yet delivered: the offer’s share is freed',
        params: MatchParams,
        body: Reason,
        response: { 200: Type.Object({ item: schemas.match }) },
      },
    },
    async (request) => {
      const { row, actor, alliance } = await change(request, request.params.id, (trx, ctx, actor, alliance) =>
        cancelMatch(trx, ctx, actor, alliance, request.params.matchId, request.body),
      );
      const demand = await repo.findItem(alliance.id, row.demand_id);
      return { item: presentMatch(row, await namesOf([row.provider_org_id]), actor, alliance, demand) };
    },
  );

  app.get(
    '/api/alliances/:id/meetings',
    {
      config: { auth: read },
      schema: {
        tags: ['alliance'],
        summary: 'The joint meetings (联席会议), the latest first',
        params: AllianceParams,
        response: { 200: Type.Object({ items: Type.Array(MeetingSchema) }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const alliance = await visible(request, request.params.id);
      const rows = await projects.meetings(alliance.id, 200);
      const names = await namesOf(rows.flatMap(meetingOrgIds));
      return { items: rows.map((m) => presentMeeting(m, names, actor, alliance)) };
    },
  );

  app.post(
    '/api/alliances/:id/meetings',
    {
      config: { auth: write },
      schema: {
        tags: ['alliance'],
        summary: 'Schedule a joint meeting: the convener only',
        params: AllianceParams,
        body: Type.Object({
          title: Type.String({ minLength: 1, maxLength: 80 }),
          place: Type.String({ minLength: 1, maxLength: 120 }),
          agenda: Text(2000),
          scheduledAt: Instant,
        }),
        response: { 200: Type.Object({ item: MeetingSchema }) },
      },
    },
    async (request) => {
      const { row, actor, alliance } = await change(request, request.params.id, (trx, ctx, actor, alliance) =>
        scheduleMeeting(trx, ctx, actor, alliance, request.body),
      );
      return { item: presentMeeting(row, new Map(), actor, alliance) };
    },
  );

  app.post(
    '/api/alliances/:id/meetings/:meetingId/held',
    {
      config: { auth: write },
      schema: {
        tags: ['alliance'],
        summary: 'Record a meeting as held: its minutes and the member units present',
        params: MeetingParams,
        body: Type.Object({
          minutes: Type.String({ minLength: 1, maxLength: 5000 }),
          attendeeOrgIds: Type.Array(Id, { maxItems: 500 }),
        }),
        response: { 200: Type.Object({ item: MeetingSchema }) },
      },
    },
    async (request) => {
      const { row, actor, alliance } = await change(request, request.params.id, (trx, ctx, actor, alliance) =>
        holdMeeting(trx, ctx, actor, alliance, request.params.meetingId, request.body),
      );
      return { item: presentMeeting(row, await namesOf(meetingOrgIds(row)), actor, alliance) };
    },
  );

  app.post(
    '/api/alliances/:id/meetings/:meetingId/cancel',
    {
      config: { auth: write },
      schema: {
        tags: ['alliance'],
        summary: 'Call off a planned meeting, with the reason',
        params: MeetingParams,
        body: Reason,
        response: { 200: Type.Object({ item: MeetingSchema }) },
      },
    },
    async (request) => {
      const { row, actor, alliance } = await change(request, request.params.id, (trx, ctx, actor, alliance) =>
        cancelMeeting(trx, ctx, actor, alliance, request.params.meetingId, request.body.reason),
      );
      return { item: presentMeeting(row, new Map(), actor, alliance) };
    },
  );

  app.get(
    '/api/alliances/:id/brands',
    {
      config: { auth: read },
      schema: {
        tags: ['alliance'],
        summary: 'Brand projects (品牌项目), the latest changed first',
        params: AllianceParams,
        querystring: Type.Object({ stage: Type.Optional(BrandStage) }),
        response: { 200: Type.Object({ items: Type.Array(BrandSchema) }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const alliance = await visible(request, request.params.id);
      const q = request.query.stage;
      const rows = await projects.brands(alliance.id, q === undefined ? undefined : [q], 200);
      const names = await namesOf(rows.flatMap(brandOrgIds));
      return { items: rows.map((b) => presentBrand(b, names, actor, alliance)) };
    },
  );

  app.post(
    '/api/alliances/:id/brands',
    {
      config: { auth: write },
      schema: {
        tags: ['alliance'],
        summary: 'Declare a brand project a member will lead (申报)',
        params: AllianceParams,
        body: Type.Object({
          leadOrgId: Id,
          title: Type.String({ minLength: 1, maxLength: 80 }),
          summary: Type.String({ minLength: 1, maxLength: 2000 }),
        }),
        response: { 200: Type.Object({ item: BrandSchema }) },
      },
    },
    async (request) => {
      const { row, actor, alliance } = await change(request, request.params.id, (trx, ctx, actor, alliance) =>
        declareBrand(trx, ctx, actor, alliance, request.body),
      );
      return { item: presentBrand(row, await namesOf(brandOrgIds(row)), actor, alliance) };
    },
  );

  const brandAnswer = async (request: FastifyRequest, alliance: AllianceRow, brandId: string) => {
    const actor = userOf(request);
    const brand = await projects.findBrand(alliance.id, brandId);
    if (brand === undefined) {
      throw notFound();
    }
    const events = await projects.events(brand.id);
    return {
      item: presentBrand(brand, await namesOf(brandOrgIds(brand)), actor, alliance),
      events: events.map(presentBrandEvent),
    };
  };
  const BrandAnswer = Type.Object({ item: BrandSchema, events: Type.Array(EventSchema) });
  /** A change to one brand project, answered with the project and its record. */
  const brandChange = async (
    request: FastifyRequest,
    params: { id: string; brandId: string },
    run: Change<unknown>,
  ) => {
    const { alliance } = await change(request, params.id, run);
    return brandAnswer(request, alliance, params.brandId);
  };

  app.get(
    '/api/alliances/:id/brands/:brandId',
    {
      config: { auth: read },
      schema: {
        tags: ['alliance'],
        summary: 'A brand project with its record: milestones, reviews and stages, oldest first',
        params: BrandParams,
        response: { 200: BrandAnswer },
      },
    },
    async (request) =>
      brandAnswer(request, await visible(request, request.params.id), request.params.brandId),
  );

  app.post(
    '/api/alliances/:id/brands/:brandId/partners',
    {
      config: { auth: write },
      schema: {
        tags: ['alliance'],
        summary: 'Take a partner member into the project’s chain, with what it brings',
        params: BrandParams,
        body: Type.Object({ orgId: Id, contribution: Type.String({ minLength: 1, maxLength: 500 }) }),
        response: { 200: BrandAnswer },
      },
    },
    async (request) =>
      brandChange(request, request.params, (trx, ctx, actor, alliance) =>
        addPartner(trx, ctx, actor, alliance, request.params.brandId, request.body),
      ),
  );

  app.post(
    '/api/alliances/:id/brands/:brandId/milestones',
    {
      config: { auth: write },
      schema: {
        tags: ['alliance'],
        summary: 'Set a milestone with its due date',
        params: BrandParams,
        body: Type.Object({
          title: Type.String({ minLength: 1, maxLength: 80 }),
          note: Text(1000),
          dueAt: Instant,
        }),
        response: { 200: BrandAnswer },
      },
    },
    async (request) =>
      brandChange(request, request.params, (trx, ctx, actor, alliance) =>
        addMilestone(trx, ctx, actor, alliance, request.params.brandId, request.body),
      ),
  );

  app.post(
    '/api/alliances/:id/brands/:brandId/milestones/:eventId/done',
    {
      config: { auth: write },
      schema: {
        tags: ['alliance'],
        summary: 'Record a milestone as done, with what was achieved',
        params: Type.Object({ id: Id, brandId: Id, eventId: Id }),
        body: Type.Object({ note: Text(1000) }),
        response: { 200: BrandAnswer },
      },
    },
    async (request) =>
      brandChange(request, request.params, (trx, ctx, actor, alliance) =>
        completeMilestone(
          trx,
          ctx,
          actor,
          alliance,
          request.params.brandId,
          request.params.eventId,
          request.body,
        ),
      ),
  );

  app.post(
    '/api/alliances/:id/brands/:brandId/reviews',
    {
      config: { auth: write },
      schema: {
        tags: ['alliance'],
        summary: 'The convener reviews the project: a score (1–5) and the gaps found',
        params: BrandParams,
        body: Type.Object({
          score: Type.Integer({ minimum: 1, maximum: 5 }),
          note: Type.String({ minLength: 1, maxLength: 2000 }),
        }),
        response: { 200: BrandAnswer },
      },
    },
    async (request) =>
      brandChange(request, request.params, (trx, ctx, actor, alliance) =>
        reviewBrand(trx, ctx, actor, alliance, request.params.brandId, request.body),
      ),
  );

  app.post(
    '/api/alliances/:id/brands/:brandId/stage',
    {
      config: { auth: write },
      schema: {
        tags: ['alliance'],
        summary: 'The convener moves the project to its next stage (or declines a declaration)',
        params: BrandParams,
        body: Type.Object({ stage: BrandStage, reason: Text(1000) }),
        response: { 200: BrandAnswer },
      },
    },
    async (request) =>
      brandChange(request, request.params, (trx, ctx, actor, alliance) =>
        moveBrand(trx, ctx, actor, alliance, request.params.brandId, request.body),
      ),
  );

  app.get(
    '/api/public/alliances/:id/brands',
    {
      config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['alliance'],
        summary: 'The public showcase of an alliance’s brand projects under way',
        params: AllianceParams,
        response: { 200: Type.Object({ items: Type.Array(PublicBrandSchema) }) },
      },
    },
    async (request) => {
      const alliance = await repo.findPublic(request.params.id);
      if (alliance === undefined) {
        throw notFound();
      }
      const rows = await projects.brands(alliance.id, PUBLIC_STAGES, 100);
      const names = await namesOf(rows.flatMap(brandOrgIds));
      const events = await Promise.all(rows.map((b) => projects.events(b.id)));
      return { items: rows.map((b, i) => presentPublicBrand(b, names, events[i]!)) };
    },
  );
}
