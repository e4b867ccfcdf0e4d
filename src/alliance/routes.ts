// HTTP routes of the alliance: alliances in scope with their members, the three lists, suggestions for a demand,
// agreements with their delivery and evaluation, the numbers; and the public page of an alliance.
import { Type, type Static, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { scopeOf, type UserActor } from '../access/index.js';
import { orgDirectory } from '../orgs/index.js';
import { notFound } from '../platform/errors.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { contextOf, userOf } from '../platform/http/request.js';
import { DAY_MS } from '../platform/time.js';
import type { Same } from '../platform/http/schemas.js';
import { agreeMatch } from './agreeMatch.js';
import { conveneAlliance } from './conveneAlliance.js';
import { evaluateDelivery, recordDelivery } from './deliverMatch.js';
import { allianceNumbers } from './numbers.js';
import { postItem } from './postItem.js';
import { allianceProjectRoutes } from './projectRoutes.js';
import {
  presentAlliance,
  presentItem,
  presentMatch,
  presentMember,
  presentPublicItem,
  presentSuggestion,
  type Names,
} from './presenter.js';
import { allianceRepository, type AllianceRow, type MatchRow } from './repository.js';
import { signMember } from './signMember.js';
import { rankOffers } from './suggestOffers.js';
import type {
  DemandSource,
  ItemKind,
  ItemStatus as Status,
  ListName,
  MatchStatus as MStatus,
} from './vocabulary.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
/** An instant in epoch milliseconds, up to the end of year 9999 (a bigint on PostgreSQL takes any of them). */
const Instant = Type.Integer({ minimum: 0, maximum: 253_402_300_799_999 });
const Text = (max: number) => Type.String({ maxLength: max });

// The vocabulary's values, spelled out so the schemas' types are the unions (checked against vocabulary.ts below).
const List = Type.Union([Type.Literal('demand'), Type.Literal('resource'), Type.Literal('project')]);
const Kind = Type.Union([
  Type.Literal('venue'),
  Type.Literal('expert'),
  Type.Literal('funds'),
  Type.Literal('volunteers'),
  Type.Literal('equipment'),
  Type.Literal('service'),
]);
const ItemStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('matched'),
  Type.Literal('done'),
  Type.Literal('withdrawn'),
]);
const MatchStatus = Type.Union([
  Type.Literal('agreed'),
  Type.Literal('delivered'),
  Type.Literal('evaluated'),
  Type.Literal('cancelled'),
]);
const Source = Type.Union([Type.Literal('own'), Type.Literal('appeal'), Type.Literal('consultation')]);

const AllianceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  charter: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  orgLevel: Type.String(),
  memberCount: Type.Integer(),
  createdAt: Type.Integer(),
  abilities: Type.Object({ manage: Type.Boolean() }),
});
const MemberSchema = Type.Object({
  orgId: Type.String(),
  orgName: Type.String(),
  orgLevel: Type.String(),
  orgType: Type.String(),
  commitment: Type.String(),
  signedAt: Type.Integer(),
  isConvener: Type.Boolean(),
  isMine: Type.Boolean(),
});
const NumbersSchema = Type.Object({
  members: Type.Integer(),
  demands: Type.Integer(),
  demandsOpen: Type.Integer(),
  demandsMet: Type.Integer(),
  resources: Type.Integer(),
  resourcesUsed: Type.Integer(),
  projects: Type.Integer(),
  agreed: Type.Integer(),
  delivered: Type.Integer(),
  deliveredOnTime: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
  averageRating: Nullable(Type.Number()),
});
const ItemSchema = Type.Object({
  id: Type.String(),
  list: List,
  kind: Kind,
  title: Type.String(),
  detail: Type.String(),
  quantity: Nullable(Type.Integer()),
  availableFrom: Nullable(Type.Integer()),
  availableTo: Nullable(Type.Integer()),
  neededBy: Nullable(Type.Integer()),
  source: Type.String(),
  sourceId: Nullable(Type.String()),
  status: ItemStatus,
  ownerOrgId: Type.String(),
  ownerName: Type.String(),
  createdAt: Type.Integer(),
  abilities: Type.Object({ match: Type.Boolean(), withdraw: Type.Boolean() }),
});
const MatchSchema = Type.Object({
  id: Type.String(),
  demandId: Type.String(),
  offerId: Type.String(),
  providerOrgId: Type.String(),
  providerName: Type.String(),
  quantity: Nullable(Type.Integer()),
  commitment: Type.String(),
  dueAt: Type.Integer(),
  status: MatchStatus,
  agreedAt: Type.Integer(),
  deliveredAt: Nullable(Type.Integer()),
  deliveryNote: Nullable(Type.String()),
  onTime: Nullable(Type.Boolean()),
  rating: Nullable(Type.Integer()),
  evaluationNote: Nullable(Type.String()),
  evaluatedAt: Nullable(Type.Integer()),
  abilities: Type.Object({ deliver: Type.Boolean(), evaluate: Type.Boolean(), cancel: Type.Boolean() }),
});
const SuggestionSchema = Type.Object({
  offerId: Type.String(),
  list: List,
  title: Type.String(),
  detail: Type.String(),
  ownerOrgId: Type.String(),
  ownerName: Type.String(),
  quantity: Nullable(Type.Integer()),
  remaining: Nullable(Type.Integer()),
  availableFrom: Nullable(Type.Integer()),
  availableTo: Nullable(Type.Integer()),
  score: Type.Integer(),
  reasons: Type.Array(Type.String()),
});
const PublicItemSchema = Type.Object({
  id: Type.String(),
  list: List,
  kind: Kind,
  title: Type.String(),
  detail: Type.String(),
  status: ItemStatus,
  ownerName: Type.String(),
  neededBy: Nullable(Type.Integer()),
  createdAt: Type.Integer(),
});

/** The schemas' unions are the vocabulary's: changing one without the other fails to compile. */
export const vocabularyAgrees: [
  Same<Static<typeof List>, ListName>,
  Same<Static<typeof Kind>, ItemKind>,
  Same<Static<typeof ItemStatus>, Status>,
  Same<Static<typeof MatchStatus>, MStatus>,
  Same<Static<typeof Source>, DemandSource>,
] = [true, true, true, true, true];

const AllianceParams = Type.Object({ id: Id });
const ItemParams = Type.Object({ id: Id, itemId: Id });
const MatchParams = Type.Object({ id: Id, matchId: Id });

const YEAR_MS = 365 * DAY_MS;

export const allianceRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const { db, dialect } = database;
  const repo = allianceRepository(db);

  const namesOf = async (ids: readonly string[]): Promise<Names> => {
    const rows = await orgDirectory(db, dialect).byIds([...new Set(ids)]);
    return new Map(rows.map((o) => [o.id, { name: o.name, level: o.level, type: o.type }]));
  };

  /** An agreement as its answer: with its provider's name and what the caller may do next. */
  const matchAnswer = async (actor: UserActor, alliance: AllianceRow, row: MatchRow) => {
    const demand = await repo.findItem(alliance.id, row.demand_id);
    return { item: presentMatch(row, await namesOf([row.provider_org_id]), actor, alliance, demand) };
  };

  /** The alliance if the caller may see it (convened in scope or with a member in scope), else 404. */
  const visible = async (request: FastifyRequest, id: string): Promise<AllianceRow> => {
    const alliance = await repo.findVisible(scopeOf(userOf(request)), id);
    if (alliance === undefined) {
      throw notFound();
    }
    return alliance;
  };

  app.get(
    '/api/alliances',
    {
      config: { auth: 'alliance.read' },
      schema: {
        tags: ['alliance'],
        summary: 'Alliances convened in scope or with a member in scope',
        response: { 200: Type.Object({ items: Type.Array(AllianceSchema) }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const rows = await repo.listVisible(scopeOf(actor));
      const names = await namesOf(rows.map((a) => a.org_id));
      const counts = await Promise.all(rows.map(async (a) => (await repo.members(a.id)).length));
      return { items: rows.map((a, i) => presentAlliance(a, names, counts[i]!, actor)) };
    },
  );

  app.post(
    '/api/alliances',
    {
      config: { auth: 'alliance.write' },
      schema: {
        tags: ['alliance'],
        summary: 'Convene the alliance of a district, town or village in scope',
        body: Type.Object({
          orgId: Id,
          name: Type.String({ minLength: 1, maxLength: 60 }),
          charter: Text(2000),
        }),
        response: { 200: Type.Object({ item: AllianceSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const row = await db
        .transaction()
        .execute((trx) => conveneAlliance(trx, dialect, contextOf(request), actor, request.body));
      return { item: presentAlliance(row, await namesOf([row.org_id]), 1, actor) };
    },
  );

  app.get(
    '/api/alliances/:id',
    {
      config: { auth: 'alliance.read' },
      schema: {
        tags: ['alliance'],
        summary: 'An alliance with its members (and what each committed to) and its numbers this year',
        params: AllianceParams,
        response: {
          200: Type.Object({
            item: AllianceSchema,
            members: Type.Array(MemberSchema),
            numbers: NumbersSchema,
          }),
        },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const alliance = await visible(request, request.params.id);
      const members = await repo.members(alliance.id);
      const names = await namesOf([alliance.org_id, ...members.map((m) => m.org_id)]);
      return {
        item: presentAlliance(alliance, names, members.length, actor),
        members: members.map((m) => presentMember(m, names, actor, alliance)),
        numbers: await allianceNumbers(
          db,
          alliance.org_path,
          { from: request.now - YEAR_MS, to: request.now + 1 },
          request.now,
          alliance.id,
        ),
      };
    },
  );

  app.post(
    '/api/alliances/:id/members',
    {
      config: { auth: 'alliance.write' },
      schema: {
        tags: ['alliance'],
        summary: 'Take in a member (or renew its commitment): the convener only',
        params: AllianceParams,
        body: Type.Object({ orgId: Id, commitment: Type.String({ minLength: 1, maxLength: 1000 }) }),
        response: { 200: Type.Object({ item: MemberSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const alliance = await visible(request, request.params.id);
      const row = await db
        .transaction()
        .execute((trx) => signMember(trx, dialect, contextOf(request), actor, alliance, request.body));
      return { item: presentMember(row, await namesOf([row.org_id]), actor, alliance) };
    },
  );

  app.get(
    '/api/alliances/:id/items',
    {
      config: { auth: 'alliance.read' },
      schema: {
        tags: ['alliance'],
        summary: 'Items of the three lists, newest first',
        params: AllianceParams,
        querystring: Type.Object({
          list: Type.Optional(List),
          status: Type.Optional(ItemStatus),
          ownerOrgId: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(ItemSchema) }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const alliance = await visible(request, request.params.id);
      const q = request.query;
      const owner = q.ownerOrgId === undefined ? undefined : await repo.findMember(alliance.id, q.ownerOrgId);
      if (q.ownerOrgId !== undefined && owner === undefined) {
        throw notFound();
      }
      const rows = await repo.items(alliance.id, {
        list: q.list,
        statuses: q.status === undefined ? undefined : [q.status],
        ownerPath: owner?.org_path,
        limit: q.limit ?? 100,
      });
      const names = await namesOf(rows.map((r) => r.owner_org_id));
      const underAgreement = await repo.itemsUnderAgreement(
        alliance.id,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => presentItem(r, names, actor, alliance, underAgreement)) };
    },
  );

  app.post(
    '/api/alliances/:id/items',
    {
      config: { auth: 'alliance.write' },
      schema: {
        tags: ['alliance'],
        summary: 'Put a demand, a resource or a project on a member’s list',
        params: AllianceParams,
        body: Type.Object({
          ownerOrgId: Id,
          list: List,
          kind: Kind,
          title: Type.String({ minLength: 1, maxLength: 80 }),
          detail: Text(2000),
          quantity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 }))),
          availableFrom: Type.Optional(Nullable(Instant)),
          availableTo: Type.Optional(Nullable(Instant)),
          neededBy: Type.Optional(Nullable(Instant)),
          source: Type.Optional(Source),
          sourceId: Type.Optional(Nullable(Id)),
        }),
        response: { 200: Type.Object({ item: ItemSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const alliance = await visible(request, request.params.id);
      const b = request.body;
      const row = await db.transaction().execute((trx) =>
        postItem(trx, dialect, contextOf(request), actor, alliance, {
          ownerOrgId: b.ownerOrgId,
          list: b.list,
          kind: b.kind,
          title: b.title,
          detail: b.detail,
          quantity: b.quantity ?? null,
          availableFrom: b.availableFrom ?? null,
          availableTo: b.availableTo ?? null,
          neededBy: b.neededBy ?? null,
          source: b.source ?? 'own',
          sourceId: b.sourceId ?? null,
        }),
      );
      return { item: presentItem(row, await namesOf([row.owner_org_id]), actor, alliance) };
    },
  );

  app.get(
    '/api/alliances/:id/items/:itemId',
    {
      config: { auth: 'alliance.read' },
      schema: {
        tags: ['alliance'],
        summary: 'An item with the agreements on it (a demand’s, or an offer’s)',
        params: ItemParams,
        response: { 200: Type.Object({ item: ItemSchema, matches: Type.Array(MatchSchema) }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const alliance = await visible(request, request.params.id);
      const item = await repo.findItem(alliance.id, request.params.itemId);
      if (item === undefined) {
        throw notFound();
      }
      const matches =
        item.list === 'demand'
          ? await repo.matchesOfDemand(item.id)
          : (await repo.matchesOfAlliance(alliance.id, 500)).filter((m) => m.offer_id === item.id);
      const demands = new Map(
        (
          await Promise.all(
            [...new Set(matches.map((m) => m.demand_id))].map((id) => repo.findItem(alliance.id, id)),
          )
        )
          .filter((d) => d !== undefined)
          .map((d) => [d.id, d]),
      );
      const names = await namesOf([item.owner_org_id, ...matches.map((m) => m.provider_org_id)]);
      return {
        item: presentItem(
          item,
          names,
          actor,
          alliance,
          new Set(
            matches.filter((m) => m.status === 'agreed' || m.status === 'delivered').map(() => item.id),
          ),
        ),
        matches: matches.map((m) => presentMatch(m, names, actor, alliance, demands.get(m.demand_id))),
      };
    },
  );

  app.get(
    '/api/alliances/:id/items/:itemId/suggestions',
    {
      config: { auth: 'alliance.read' },
      schema: {
        tags: ['alliance'],
        summary: 'Resources and projects that could meet a demand, best first, with the reasons',
        params: ItemParams,
        response: { 200: Type.Object({ items: Type.Array(SuggestionSchema) }) },
      },
    },
    async (request) => {
      const alliance = await visible(request, request.params.id);
      const demand = await repo.findItem(alliance.id, request.params.itemId);
      if (demand === undefined || demand.list !== 'demand') {
        throw notFound();
      }
      const [resources, projects] = await Promise.all([
        repo.items(alliance.id, { list: 'resource', statuses: ['open'], limit: 500 }),
        repo.items(alliance.id, { list: 'project', statuses: ['open'], limit: 500 }),
      ]);
      const offers = [...resources, ...projects].filter((o) => o.kind === demand.kind);
      const held = await repo.heldOf(offers.map((o) => o.id));
      const record = await repo.deliveryRecord(offers.map((o) => o.owner_org_id));
      const ranked = rankOffers(demand, offers, held, record, request.now).slice(0, 20);
      const names = await namesOf(ranked.map((s) => s.offer.owner_org_id));
      return { items: ranked.map((s) => presentSuggestion(s, names)) };
    },
  );

  app.post(
    '/api/alliances/:id/items/:itemId/matches',
    {
      config: { auth: 'alliance.write' },
      schema: {
        tags: ['alliance'],
        summary: 'Agree a demand with a resource or project: who delivers what by when',
        params: ItemParams,
        body: Type.Object({
          offerId: Id,
          quantity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000 }))),
          dueAt: Instant,
          commitment: Type.String({ minLength: 1, maxLength: 1000 }),
        }),
        response: { 200: Type.Object({ item: MatchSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const alliance = await visible(request, request.params.id);
      const b = request.body;
      const row = await db.transaction().execute((trx) =>
        agreeMatch(trx, contextOf(request), actor, alliance, request.params.itemId, {
          offerId: b.offerId,
          quantity: b.quantity ?? null,
          dueAt: b.dueAt,
          commitment: b.commitment,
        }),
      );
      return matchAnswer(actor, alliance, row);
    },
  );

  app.post(
    '/api/alliances/:id/matches/:matchId/delivery',
    {
      config: { auth: 'alliance.write' },
      schema: {
        tags: ['alliance'],
        summary: 'Record what the provider delivered',
        params: MatchParams,
        body: Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }),
        response: { 200: Type.Object({ item: MatchSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const alliance = await visible(request, request.params.id);
      const row = await db
        .transaction()
        .execute((trx) =>
          recordDelivery(trx, contextOf(request), actor, alliance, request.params.matchId, request.body),
        );
      return matchAnswer(actor, alliance, row);
    },
  );

  app.post(
    '/api/alliances/:id/matches/:matchId/evaluation',
    {
      config: { auth: 'alliance.write' },
      schema: {
        tags: ['alliance'],
        summary: 'The demanding side rates what was delivered (1–5)',
        params: MatchParams,
        body: Type.Object({ rating: Type.Integer({ minimum: 1, maximum: 5 }), note: Text(1000) }),
        response: { 200: Type.Object({ item: MatchSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const alliance = await visible(request, request.params.id);
      const row = await db
        .transaction()
        .execute((trx) =>
          evaluateDelivery(trx, contextOf(request), actor, alliance, request.params.matchId, request.body),
        );
      return matchAnswer(actor, alliance, row);
    },
  );

  app.get(
    '/api/public/alliances/:id',
    {
      config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['alliance'],
        summary: 'An alliance’s public page: its members and commitments, open demands and projects',
        params: AllianceParams,
        response: {
          200: Type.Object({
            name: Type.String(),
            charter: Type.String(),
            orgName: Type.String(),
            members: Type.Array(Type.Object({ orgName: Type.String(), commitment: Type.String() })),
            demands: Type.Array(PublicItemSchema),
            projects: Type.Array(PublicItemSchema),
          }),
        },
      },
    },
    async (request) => {
      const alliance = await repo.findPublic(request.params.id);
      if (alliance === undefined) {
        throw notFound();
      }
      const [members, demands, projects] = await Promise.all([
        repo.members(alliance.id),
        repo.items(alliance.id, { list: 'demand', statuses: ['open', 'matched'], limit: 100 }),
        repo.items(alliance.id, { list: 'project', statuses: ['open', 'matched'], limit: 100 }),
      ]);
      const names = await namesOf([
        alliance.org_id,
        ...members.map((m) => m.org_id),
        ...demands.map((d) => d.owner_org_id),
        ...projects.map((p) => p.owner_org_id),
      ]);
      return {
        name: alliance.name,
        charter: alliance.charter,
        orgName: names.get(alliance.org_id)?.name ?? '',
        members: members.map((m) => ({ orgName: names.get(m.org_id)?.name ?? '', commitment: m.commitment })),
        demands: demands.map((d) => presentPublicItem(d, names)),
        projects: projects.map((p) => presentPublicItem(p, names)),
      };
    },
  );

  await allianceProjectRoutes(base, deps, { item: ItemSchema, match: MatchSchema });
};
