// HTTP routes of the linkage: the head's households, visits and appeals; the chain queue and its actions; the
// indicators and the visit plan; the household's public tracking page.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { instantOfLocalDate } from '../platform/time.js';
import { answerAppeal } from './answerAppeal.js';
import { appealStatuses, visitKinds } from './chain.js';
import { confirmSettlement, confirmSettlementByCode } from './confirmSettlement.js';
import { passAppealUp } from './passAppealUp.js';
import {
  AppealDetailSchema,
  AppealSchema,
  HouseholdListItemSchema,
  LinkedHouseholdSchema,
  OverdueVisitSchema,
  PublicAppealSchema,
  UnitIndicatorsSchema,
  VisitSchema,
  CaseLinkSchema,
  HouseholdCaseSchema,
  HouseholdReliefSchema,
  HouseholdTopicSchema,
  VisitPlanSchema,
  presentAcross,
  presentAppeal,
  presentPlan,
  presentDetail,
  presentHousehold,
  presentOverdue,
  presentPublic,
  presentSummary,
  presentUnit,
  presentVisit,
} from './presenter.js';
import {
  appealDetail,
  appealQueue,
  householdRecord,
  indicatorTable,
  myHouseholds,
  overdueVisits,
  publicAppeal,
} from './reads.js';
import { recordAppeal } from './recordAppeal.js';
import { recordVisit } from './recordVisit.js';
import { revealAddress } from './revealAddress.js';
import { settleAppeal } from './settleAppeal.js';
import { turnAppealIntoCase } from './turnAppealIntoCase.js';
import { turnAppealIntoTopic } from './turnAppealIntoTopic.js';
import { readLevelLimits, saveLevelLimits } from './levelLimits.js';
import { LimitUnitSchema } from '../calendar/index.js';
import { chainLevels } from './chain.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });
const CodeParams = Type.Object({ code: Type.String({ minLength: 6, maxLength: 40 }) });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

const LimitSchema = Type.Object({
  amount: Type.Integer({ minimum: 1, maximum: 129_600 }),
  unit: LimitUnitSchema,
});
const LimitsSchema = Type.Object(
  Object.fromEntries(chainLevels.map((l) => [l, LimitSchema])) as Record<
    (typeof chainLevels)[number],
    typeof LimitSchema
  >,
);

const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Ok = Type.Object({ item: AppealSchema });

export const linkageRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;

  // ------------------------------------------------ the head's phone page

  app.get(
    '/api/linkage/my/households',
    {
      config: { auth: 'linkage.serve' },
      schema: {
        tags: ['linkage'],
        summary:
          'The households the caller’s central household serves, with last visit, open appeals and visit plan (due first)',
        response: { 200: Type.Object({ items: Type.Array(HouseholdListItemSchema) }) },
      },
    },
    async (request) => ({
      items: (await myHouseholds(database, userOf(request), request.now)).map(presentSummary),
    }),
  );

  app.get(
    '/api/linkage/my/households/:id',
    {
      config: { auth: 'linkage.serve' },
      schema: {
        tags: ['linkage'],
        summary:
          'One linked household: its visits and appeals, the cases and topics they became, its relief pairings and help, its visit plan',
        params: IdParams,
        response: {
          200: Type.Object({
            item: LinkedHouseholdSchema,
            plan: VisitPlanSchema,
            visits: Type.Array(VisitSchema),
            appeals: Type.Array(
              Type.Object({ item: AppealSchema, case: Type.Union([CaseLinkSchema, Type.Null()]) }),
            ),
            cases: Type.Array(HouseholdCaseSchema),
            topics: Type.Array(HouseholdTopicSchema),
            relief: HouseholdReliefSchema,
          }),
        },
      },
    },
    async (request) => {
      const r = await householdRecord(database, userOf(request), request.params.id, request.now);
      const open = r.appeals.filter((a) => a.status === 'open' || a.status === 'awaitingConfirmation').length;
      return {
        item: presentHousehold(r.household, r.visits[0]?.visited_at ?? null, open),
        plan: presentPlan(r.plan),
        visits: r.visits.map(presentVisit),
        appeals: r.appeals.map((a) => {
          const c = a.case_id === null ? undefined : r.cases.get(a.case_id);
          return {
            item: presentAppeal(a),
            case:
              c === undefined ? null : { trackingCode: c.trackingCode, state: c.state, closedAt: c.closedAt },
          };
        }),
        ...presentAcross(r),
      };
    },
  );

  app.post(
    '/api/linkage/my/households/:id/reveal',
    {
      config: { auth: 'linkage.serve' },
      schema: {
        tags: ['linkage'],
        summary: 'Reveal a linked household’s full address, with a reason (audited)',
        params: IdParams,
        body: Type.Object({ reason: Text(200) }),
        response: { 200: Type.Object({ address: Type.String() }) },
      },
    },
    async (request) => ({
      address: await revealAddress(database, contextOf(request), userOf(request), {
        householdId: request.params.id,
        reason: request.body.reason,
      }),
    }),
  );

  app.post(
    '/api/linkage/my/households/:id/visits',
    {
      config: { auth: 'linkage.serve' },
      schema: {
        tags: ['linkage'],
        summary: 'Log a visit (走访) to a linked household; a position is checked against its grid',
        params: IdParams,
        body: Type.Object({
          visitedOn: LocalDate,
          kind: Type.Union(visitKinds.map((k) => Type.Literal(k))),
          heard: Text(2000),
          lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
          lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
        }),
        response: { 200: Type.Object({ item: VisitSchema }) },
      },
    },
    async (request) => {
      const row = await recordVisit(database, contextOf(request), userOf(request), {
        householdId: request.params.id,
        ...request.body,
      });
      return { item: presentVisit(row) };
    },
  );

  app.post(
    '/api/linkage/my/households/:id/appeals',
    {
      config: { auth: 'linkage.serve' },
      schema: {
        tags: ['linkage'],
        summary:
          'Record an appeal of a linked household; it goes to the party group unless the head keeps it',
        params: IdParams,
        body: Type.Object({ text: Text(2000), isKeptByHead: Type.Optional(Type.Boolean()) }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const row = await recordAppeal(database, contextOf(request), userOf(request), {
        householdId: request.params.id,
        ...request.body,
      });
      return { item: presentAppeal(row) };
    },
  );

  app.post(
    '/api/linkage/appeals/:id/confirm',
    {
      config: { auth: 'linkage.serve' },
      schema: {
        tags: ['linkage'],
        summary:
          'Record the household’s answer to a settlement: confirmed, or not (open again at that level)',
        params: IdParams,
        body: Type.Object({ isConfirmed: Type.Boolean(), comment: Type.Optional(Text(500)) }),
        response: { 200: Ok },
      },
    },
    async (request) => {
      const row = await confirmSettlement(database, contextOf(request), userOf(request), request.params.id, {
        isConfirmed: request.body.isConfirmed,
        comment: request.body.comment ?? null,
      });
      return { item: presentAppeal(row) };
    },
  );

  // ------------------------------------------------ the chain

  app.get(
    '/api/linkage/appeals',
    {
      config: { auth: 'linkage.read' },
      schema: {
        tags: ['linkage'],
        summary: 'Appeals waiting at the caller’s level (mine) or of the caller’s whole subtree (all)',
        querystring: Type.Object({
          view: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('all')])),
          status: Type.Optional(Type.Union(appealStatuses.map((s) => Type.Literal(s)))),
          before: Type.Optional(Id),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(AppealSchema),
            nextBefore: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await appealQueue(database, userOf(request), {
        isMine: (request.query.view ?? 'mine') === 'mine',
        statuses: request.query.status === undefined ? undefined : [request.query.status],
        beforeId: request.query.before ?? null,
        limit: limit + 1,
      });
      const items = rows.slice(0, limit);
      return {
        items: items.map(presentAppeal),
        nextBefore: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
      };
    },
  );

  app.get(
    '/api/linkage/appeals/:id',
    {
      config: { auth: 'linkage.read' },
      schema: {
        tags: ['linkage'],
        summary: 'One appeal with every step it took along the chain',
        params: IdParams,
        response: { 200: AppealDetailSchema },
      },
    },
    async (request) => presentDetail(await appealDetail(database, userOf(request), request.params.id)),
  );

  app.post(
    '/api/linkage/appeals/:id/settle',
    {
      config: { auth: 'linkage.handle' },
      schema: {
        tags: ['linkage'],
        summary: 'Settle the appeal at its level; it counts once the household confirms',
        params: IdParams,
        body: Type.Object({ outcome: Text(2000) }),
        response: { 200: Ok },
      },
    },
    async (request) => ({
      item: presentAppeal(
        await settleAppeal(database, contextOf(request), userOf(request), request.params.id, request.body),
      ),
    }),
  );

  app.post(
    '/api/linkage/appeals/:id/answer',
    {
      config: { auth: 'linkage.handle' },
      schema: {
        tags: ['linkage'],
        summary: 'Answer the appeal at its level: advice given, no action needed',
        params: IdParams,
        body: Type.Object({ answer: Text(2000) }),
        response: { 200: Ok },
      },
    },
    async (request) => ({
      item: presentAppeal(
        await answerAppeal(database, contextOf(request), userOf(request), request.params.id, request.body),
      ),
    }),
  );

  app.post(
    '/api/linkage/appeals/:id/pass-up',
    {
      config: { auth: 'linkage.handle' },
      schema: {
        tags: ['linkage'],
        summary: 'Pass the appeal up to the next level of the chain, with a reason',
        params: IdParams,
        body: Type.Object({ reason: Text(500) }),
        response: { 200: Ok },
      },
    },
    async (request) => ({
      item: presentAppeal(
        await passAppealUp(database, contextOf(request), userOf(request), request.params.id, request.body),
      ),
    }),
  );

  app.post(
    '/api/linkage/appeals/:id/to-case',
    {
      config: { auth: 'linkage.handle' },
      schema: {
        tags: ['linkage'],
        summary: 'Turn the appeal into a case of the four-platform workflow (village or town)',
        params: IdParams,
        body: Type.Object({
          reason: Text(500),
          categoryCode: Type.Optional(Type.String({ minLength: 2, maxLength: 20 })),
        }),
        response: { 200: Ok },
      },
    },
    async (request) => ({
      item: presentAppeal(
        await turnAppealIntoCase(
          database,
          deps.services.cipher,
          contextOf(request),
          userOf(request),
          request.params.id,
          request.body,
        ),
      ),
    }),
  );

  app.post(
    '/api/linkage/appeals/:id/to-topic',
    {
      config: { auth: 'linkage.handle' },
      schema: {
        tags: ['linkage'],
        summary: 'Turn the appeal into a topic of the consultation room (village or town)',
        params: IdParams,
        body: Type.Object({ title: Text(120), reason: Text(500) }),
        response: { 200: Ok },
      },
    },
    async (request) => ({
      item: presentAppeal(
        await turnAppealIntoTopic(
          database,
          contextOf(request),
          userOf(request),
          request.params.id,
          request.body,
        ),
      ),
    }),
  );

  app.get(
    '/api/linkage/limits',
    {
      config: { auth: 'linkage.read' },
      schema: {
        tags: ['linkage'],
        summary: 'The time each level of the chain has for an appeal',
        response: { 200: Type.Object({ limits: LimitsSchema }) },
      },
    },
    async () => ({ limits: await readLevelLimits(database.db) }),
  );

  app.put(
    '/api/linkage/limits',
    {
      config: { auth: 'linkage.configure' },
      schema: {
        tags: ['linkage'],
        summary:
          'Set the time each level has (applies to appeals reaching a level from now on), with a reason',
        body: Type.Object({ limits: LimitsSchema, reason: Text(500) }),
        response: { 200: Type.Object({ limits: LimitsSchema }) },
      },
    },
    async (request) => ({ limits: await saveLevelLimits(database, contextOf(request), request.body) }),
  );

  app.get(
    '/api/linkage/indicators',
    {
      config: { auth: 'linkage.read' },
      schema: {
        tags: ['linkage'],
        summary: 'Linkage indicators of an organisation (default: the caller’s) and of each of its parts',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          from: Type.Optional(LocalDate),
          to: Type.Optional(LocalDate),
        }),
        response: {
          200: Type.Object({ unit: UnitIndicatorsSchema, parts: Type.Array(UnitIndicatorsSchema) }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const t = await indicatorTable(
        database,
        userOf(request),
        q.orgId,
        {
          from: q.from === undefined ? null : instantOfLocalDate(q.from),
          to: q.to === undefined ? null : instantOfLocalDate(q.to) + 86_400_000,
        },
        request.now,
      );
      return { unit: presentUnit(t.unit), parts: t.parts.map(presentUnit) };
    },
  );

  app.get(
    '/api/linkage/overdue-visits',
    {
      config: { auth: 'linkage.read' },
      schema: {
        tags: ['linkage'],
        summary: 'Linked households not visited within the quarter (the visit plan)',
        querystring: Type.Object({ orgId: Type.Optional(Id) }),
        response: { 200: Type.Object({ items: Type.Array(OverdueVisitSchema) }) },
      },
    },
    async (request) => ({
      items: (await overdueVisits(database, userOf(request), request.query.orgId, request.now)).map(
        presentOverdue,
      ),
    }),
  );

  // ------------------------------------------------ the household's public tracking page

  app.get(
    '/api/public/linkage/:code',
    {
      config: { auth: 'public', rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['linkage'],
        summary: 'An appeal by its tracking code, for the household',
        params: CodeParams,
        response: { 200: PublicAppealSchema },
      },
    },
    async (request) => {
      const p = await publicAppeal(database, request.params.code);
      return presentPublic(p.appeal, p.steps, p.caseState);
    },
  );

  app.post(
    '/api/public/linkage/:code/confirm',
    {
      config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['linkage'],
        summary: 'The household confirms (or not) that its appeal was settled',
        params: CodeParams,
        body: Type.Object({ isConfirmed: Type.Boolean(), comment: Type.Optional(Text(500)) }),
        response: { 200: PublicAppealSchema },
      },
    },
    async (request) => {
      await confirmSettlementByCode(database, contextOf(request), request.params.code, {
        isConfirmed: request.body.isConfirmed,
        comment: request.body.comment ?? null,
      });
      const p = await publicAppeal(database, request.params.code);
      return presentPublic(p.appeal, p.steps, p.caseState);
    },
  );
};
