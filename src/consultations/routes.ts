// HTTP routes of the consultation rooms: staff (scoped to the caller's subtree) and the public phone pages.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { scopeOf } from '../access/index.js';
import { isValidPhone } from '../members/index.js';
import { AppError } from '../platform/errors.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { literals as Literals } from '../platform/http/schemas.js';
import { instantOfLocalDate, DAY_MS } from '../platform/time.js';
import { addCouncilMember, memberKinds } from './addCouncilMember.js';
import { assignOutcome } from './assignOutcome.js';
import { castVote } from './castVote.js';
import { checkInByToken, recordAttendance, registerForMeeting } from './checkIn.js';
import { closeMeeting, recordMinutes } from './closeMeeting.js';
import { closeVote } from './closeVote.js';
import type { ConsultationDeps } from './deps.js';
import { establishCouncils } from './establishCouncils.js';
import { updateCouncil } from './updateCouncil.js';
import {
  councilAbilities,
  councilListAbilities,
  decisionAbilities,
  meetingAbilities,
  outcomeAbilities,
  topicAbilities,
} from './abilities.js';
import { consultationNumbers } from './numbers.js';
import { openTopic } from './openTopic.js';
import { openVote } from './openVote.js';
import {
  CouncilSchema,
  DecisionSchema,
  MeetingSchema,
  OutcomeSchema,
  TopicSchema,
  presentCouncil,
  presentDecision,
  presentMeeting,
  presentOutcome,
  presentTopic,
} from './presenter.js';
import { rateOutcome, ratings } from './rateOutcome.js';
import { reportProgress } from './reportProgress.js';
import { consultationRepository } from './repository.js';
import { reviewTopic } from './reviewTopic.js';
import { scheduleMeeting } from './scheduleMeeting.js';
import { changeMeeting } from './changeMeeting.js';
import { supportTopic } from './supportTopic.js';
import { decisionTypes } from './tally/index.js';
import {
  councilView,
  decisionView,
  meetingView,
  outcomeView,
  publicCouncilView,
  topicView,
} from './views.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Phone = Type.String({ minLength: 11, maxLength: 11 });
const Ok = { 200: Type.Object({ ok: Type.Boolean() }) };
const Ballot = Type.Unknown();

export const consultationRoutes: ModuleRoutes = async (base, { deps: appDeps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = appDeps;
  const deps: ConsultationDeps = { database, cipher: appDeps.services.cipher };
  const repo = consultationRepository(database.db, database.dialect);
  const scope = (request: FastifyRequest) => scopeOf(userOf(request));
  const phoneKey = (phone: string) => {
    if (!isValidPhone(phone)) {
      throw new AppError('request.invalid', {
        errors: [{ field: 'phone', message: 'a mainland mobile number' }],
      });
    }
    return deps.cipher.blindIndex(phone);
  };

  // Councils
  app.get(
    '/api/councils',
    {
      config: { auth: 'council.read' },
      schema: {
        tags: ['consultations'],
        summary: 'Councils of the caller’s subtree (towns and villages)',
        querystring: Type.Object({
          level: Type.Optional(Literals(['town', 'village'] as const)),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 300, default: 100 })),
          after: Type.Optional(Type.String({ maxLength: 400 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(CouncilSchema),
            /** What the caller may do with the list ('establish': give the subtree's units their councils). */
            abilities: Type.Array(Type.Literal('establish')),
          }),
        },
      },
    },
    async (request) => {
      const s = scope(request);
      const rows = await repo.listCouncils(s, {
        underPath: s.path,
        level: request.query.level,
        afterPath: request.query.after ?? null,
        limit: request.query.limit ?? 100,
      });
      return { items: rows.map(presentCouncil), abilities: councilListAbilities(userOf(request)) };
    },
  );

  app.post(
    '/api/councils/establish',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'Give every town and village of the subtree its council (those missing one)',
        response: { 200: Type.Object({ created: Type.Integer() }) },
      },
    },
    async (request) => ({
      created: (await establishCouncils(database.db, database.dialect, scope(request), request.now)).length,
    }),
  );

  app.patch(
    '/api/councils/:id',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'Change a council’s name, room or support rule (topics already collecting keep theirs)',
        params: IdParams,
        body: Type.Object({
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          place: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          supportThreshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
          supportDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
        }),
        response: { 200: Type.Object({ item: CouncilSchema }) },
      },
    },
    async (request) => ({
      item: presentCouncil(
        await updateCouncil(deps, contextOf(request), scope(request), request.params.id, request.body),
      ),
    }),
  );

  app.get(
    '/api/councils/:id',
    {
      config: { auth: 'council.read' },
      schema: {
        tags: ['consultations'],
        summary: 'A council with members, topics, meetings and outcomes',
        params: IdParams,
      },
    },
    async (request) => {
      const actor = userOf(request);
      const view = await councilView(database, scope(request), request.params.id, request.now);
      return {
        ...view,
        topics: view.topics.map((t) => ({ ...t, abilities: topicAbilities(actor, t) })),
        abilities: councilAbilities(actor),
      };
    },
  );

  app.post(
    '/api/councils/:id/members',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'Add a standing member',
        params: IdParams,
        body: Type.Object({
          name: Text(30),
          kind: Literals(memberKinds),
          unit: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
          phone: Type.Optional(Type.Union([Phone, Type.Null()])),
          userId: Type.Optional(Type.Union([Id, Type.Null()])),
        }),
        response: { 200: Type.Object({ id: Type.String() }) },
      },
    },
    async (request) => {
      const row = await addCouncilMember(deps, contextOf(request), scope(request), {
        councilId: request.params.id,
        ...request.body,
      });
      return { id: row.id };
    },
  );

  app.get(
    '/api/councils/:id/numbers',
    {
      config: { auth: 'council.read' },
      schema: {
        tags: ['consultations'],
        summary: 'Consultation numbers of a council’s subtree over the last days (default 365)',
        params: IdParams,
        querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3660 })) }),
      },
    },
    async (request) => {
      const s = scope(request);
      const council = await repo.findCouncil(s, request.params.id);
      if (council === undefined) {
        throw new AppError('record.not_found');
      }
      const days = request.query.days ?? 365;
      return consultationNumbers(
        database,
        s,
        council.org_path,
        { from: request.now - days * DAY_MS, to: request.now + 1 },
        request.now,
      );
    },
  );

  // Topics
  app.post(
    '/api/councils/:id/topics',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'Open a topic from a party member, the branch, or a case',
        params: IdParams,
        body: Type.Object({
          title: Text(100),
          body: Type.String({ maxLength: 4000 }),
          source: Literals(['partyMember', 'branch', 'case'] as const),
          proposerName: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
          caseId: Type.Optional(Type.Union([Id, Type.Null()])),
        }),
        response: { 200: Type.Object({ item: TopicSchema }) },
      },
    },
    async (request) => {
      const row = await openTopic(deps, contextOf(request), scope(request), {
        councilId: request.params.id,
        ...request.body,
      });
      return { item: presentTopic(row, request.now) };
    },
  );

  app.get(
    '/api/topics/:id',
    {
      config: { auth: 'council.read' },
      schema: { tags: ['consultations'], summary: 'A topic with its outcomes', params: IdParams },
    },
    async (request) => {
      const view = await topicView(database, scope(request), request.params.id, request.now);
      return { ...view, abilities: topicAbilities(userOf(request), view.item) };
    },
  );

  app.post(
    '/api/topics/:id/review',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'The branch approves, merges or declines a topic (with a public reason)',
        params: IdParams,
        body: Type.Object({
          action: Literals(['approve', 'merge', 'decline'] as const),
          reason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
          mergeIntoId: Type.Optional(Type.Union([Id, Type.Null()])),
        }),
        response: { 200: Type.Object({ item: TopicSchema }) },
      },
    },
    async (request) => {
      const row = await reviewTopic(deps, contextOf(request), scope(request), {
        topicId: request.params.id,
        ...request.body,
      });
      return { item: presentTopic(row, request.now) };
    },
  );

  // Meetings
  app.post(
    '/api/councils/:id/meetings',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'Schedule a meeting or hearing with its agenda and invitations',
        params: IdParams,
        body: Type.Object({
          kind: Literals(['council', 'hearing'] as const),
          title: Text(100),
          startsAt: Type.Integer({ minimum: 0 }),
          place: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
          quorum: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10000 }), Type.Null()])),
          decidesBody: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
          topicIds: Type.Array(Id, { maxItems: 30 }),
          invitees: Type.Array(
            Type.Object({
              name: Text(30),
              role: Literals(['department', 'expert', 'party', 'resident'] as const),
              phone: Type.Optional(Type.Union([Phone, Type.Null()])),
            }),
            { maxItems: 200 },
          ),
        }),
        response: { 200: Type.Object({ item: MeetingSchema }) },
      },
    },
    async (request) => {
      const row = await scheduleMeeting(deps, contextOf(request), scope(request), {
        councilId: request.params.id,
        ...request.body,
      });
      return { item: presentMeeting(row) };
    },
  );

  app.get(
    '/api/meetings/:id',
    {
      config: { auth: 'council.read' },
      schema: {
        tags: ['consultations'],
        summary: 'A meeting: agenda, participants and attendance, decisions',
        params: IdParams,
      },
    },
    async (request) => {
      const actor = userOf(request);
      const view = await meetingView(database, scope(request), request.params.id, actor.userId);
      const openVotes = view.decisions.filter((d) => d.status === 'open').length;
      return {
        ...view,
        decisions: view.decisions.map((d) => ({ ...d, abilities: decisionAbilities(actor, d, view.viewer) })),
        abilities: meetingAbilities(actor, view.item, openVotes, view.viewer),
      };
    },
  );

  app.post(
    '/api/meetings/:id/attendance',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'The clerk’s attendance list',
        params: IdParams,
        body: Type.Object({
          present: Type.Array(Id, { maxItems: 500 }),
          absent: Type.Optional(Type.Array(Id, { maxItems: 500 })),
          walkIns: Type.Optional(
            Type.Array(Type.Object({ name: Text(30), role: Text(20) }), { maxItems: 100 }),
          ),
        }),
        response: Ok,
      },
    },
    async (request) => {
      await recordAttendance(deps, contextOf(request), scope(request), {
        meetingId: request.params.id,
        present: request.body.present,
        absent: request.body.absent ?? [],
        walkIns: request.body.walkIns ?? [],
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/meetings/:id/check-in',
    {
      config: { auth: 'council.vote' },
      schema: {
        tags: ['consultations'],
        summary: 'Check in by the room’s QR code, signed in',
        params: IdParams,
        body: Type.Object({ token: Text(64) }),
        response: Ok,
      },
    },
    async (request) => {
      await checkInByToken(deps, contextOf(request), {
        meetingId: request.params.id,
        token: request.body.token,
        attendee: { userId: userOf(request).userId },
      });
      return { ok: true };
    },
  );

  app.patch(
    '/api/meetings/:id',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary:
          'Change a scheduled meeting: title, time, place, quorum or agenda; its list is told what changed',
        params: IdParams,
        body: Type.Object(
          {
            title: Type.Optional(Text(100)),
            startsAt: Type.Optional(Type.Integer({ minimum: 0 })),
            place: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
            quorum: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
            topicIds: Type.Optional(Type.Array(Id, { maxItems: 30 })),
          },
          { minProperties: 1 },
        ),
        response: {
          200: Type.Object({
            item: MeetingSchema,
            changed: Type.Array(
              Type.Union([
                Type.Literal('title'),
                Type.Literal('startsAt'),
                Type.Literal('place'),
                Type.Literal('quorum'),
                Type.Literal('agenda'),
              ]),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { meeting, changed } = await changeMeeting(deps, contextOf(request), scope(request), {
        meetingId: request.params.id,
        ...request.body,
      });
      return { item: presentMeeting(meeting), changed };
    },
  );

  app.put(
    '/api/meetings/:id/minutes',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'Attach the minutes',
        params: IdParams,
        body: Type.Object({ minutes: Text(20000) }),
        response: Ok,
      },
    },
    async (request) => {
      await recordMinutes(deps, contextOf(request), scope(request), {
        meetingId: request.params.id,
        minutes: request.body.minutes,
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/meetings/:id/close',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'Close the meeting (needs minutes and no open vote)',
        params: IdParams,
        response: Ok,
      },
    },
    async (request) => {
      await closeMeeting(deps, contextOf(request), scope(request), { meetingId: request.params.id });
      return { ok: true };
    },
  );

  // Decisions
  app.post(
    '/api/meetings/:id/decisions',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'Open a decision of one of the decision types',
        params: IdParams,
        body: Type.Object({
          type: Literals(decisionTypes),
          question: Text(300),
          topicId: Type.Optional(Type.Union([Id, Type.Null()])),
          options: Type.Optional(Type.Array(Text(100), { maxItems: 30 })),
          config: Type.Optional(
            Type.Object({
              quorum: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
              passThreshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
              isThresholdInclusive: Type.Optional(Type.Boolean()),
              dots: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
            }),
          ),
        }),
        response: { 200: Type.Object({ item: DecisionSchema }) },
      },
    },
    async (request) => {
      const row = await openVote(deps, contextOf(request), scope(request), {
        meetingId: request.params.id,
        ...request.body,
      });
      return { item: presentDecision(row, 0) };
    },
  );

  app.get(
    '/api/decisions/:id',
    {
      config: { auth: 'council.read' },
      schema: {
        tags: ['consultations'],
        summary: 'A decision; its result is sealed until it closes',
        params: IdParams,
        response: { 200: Type.Object({ item: DecisionSchema }) },
      },
    },
    async (request) => decisionView(database, scope(request), request.params.id),
  );

  app.post(
    '/api/decisions/:id/votes',
    {
      config: { auth: 'council.vote' },
      schema: {
        tags: ['consultations'],
        summary: 'Vote online as a participant present at the meeting, or as a proxy for another participant',
        params: IdParams,
        body: Type.Object({ ballot: Ballot, forParticipantId: Type.Optional(Type.Union([Id, Type.Null()])) }),
        response: Ok,
      },
    },
    async (request) => {
      await castVote(deps, contextOf(request), {
        decisionId: request.params.id,
        ballot: request.body.ballot,
        caster: { userId: userOf(request).userId },
        origin: 'online',
        forParticipantId: request.body.forParticipantId,
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/decisions/:id/clerk-votes',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'The clerk enters a vote cast in the room on the device, or on paper',
        params: IdParams,
        body: Type.Object({
          participantId: Id,
          origin: Literals(['device', 'paper'] as const),
          ballot: Ballot,
          forParticipantId: Type.Optional(Type.Union([Id, Type.Null()])),
        }),
        response: Ok,
      },
    },
    async (request) => {
      await castVote(deps, contextOf(request), {
        decisionId: request.params.id,
        ballot: request.body.ballot,
        caster: { participantId: request.body.participantId, scope: scope(request) },
        origin: request.body.origin,
        forParticipantId: request.body.forParticipantId,
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/decisions/:id/close',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'Close the vote and publish its result (consensus and show of hands: the chair’s record)',
        params: IdParams,
        body: Type.Object({ record: Type.Optional(Ballot) }),
        response: { 200: Type.Object({ item: DecisionSchema }) },
      },
    },
    async (request) => {
      const row = await closeVote(deps, contextOf(request), scope(request), {
        decisionId: request.params.id,
        record: request.body.record,
      });
      return { item: presentDecision(row, 0) };
    },
  );

  // Outcomes
  app.post(
    '/api/councils/:id/outcomes',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'Publish an outcome assigned to a unit with a deadline; government work opens a case',
        params: IdParams,
        body: Type.Object({
          title: Text(200),
          ownerUnit: Text(60),
          deadline: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
          weight: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
          topicId: Type.Optional(Type.Union([Id, Type.Null()])),
          decisionId: Type.Optional(Type.Union([Id, Type.Null()])),
          case: Type.Optional(
            Type.Union([
              Type.Object({
                categoryCode: Text(20),
                description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
              }),
              Type.Null(),
            ]),
          ),
        }),
        response: { 200: Type.Object({ item: OutcomeSchema }) },
      },
    },
    async (request) => {
      const { deadline, ...rest } = request.body;
      const row = await assignOutcome(deps, contextOf(request), scope(request), userOf(request), {
        councilId: request.params.id,
        ...rest,
        // The deadline is the end of the local day named.
        deadlineAt: instantOfLocalDate(deadline) + DAY_MS - 1,
      });
      return { item: presentOutcome(row, request.now) };
    },
  );

  app.get(
    '/api/outcomes/:id',
    {
      config: { auth: 'council.read' },
      schema: { tags: ['consultations'], summary: 'An outcome with its progress history', params: IdParams },
    },
    async (request) => {
      const view = await outcomeView(database, scope(request), request.params.id, request.now);
      return { ...view, abilities: outcomeAbilities(userOf(request), view.item) };
    },
  );

  app.post(
    '/api/outcomes/:id/progress',
    {
      config: { auth: 'council.write' },
      schema: {
        tags: ['consultations'],
        summary: 'Report progress on an outcome (100 marks it done)',
        params: IdParams,
        body: Type.Object({
          progress: Type.Integer({ minimum: 0, maximum: 100 }),
          note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
          evidence: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
        }),
        response: { 200: Type.Object({ item: OutcomeSchema }) },
      },
    },
    async (request) => {
      const row = await reportProgress(deps, contextOf(request), scope(request), userOf(request), {
        outcomeId: request.params.id,
        ...request.body,
      });
      return { item: presentOutcome(row, request.now) };
    },
  );

  // Public pages: no account, no personal data in any answer.
  app.get(
    '/api/public/councils',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Find a council by name',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 30 })) }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ id: Type.String(), level: Type.String(), name: Type.String() })),
          }),
        },
      },
    },
    async (request) => ({
      items: (await repo.searchCouncilsPublished(request.query.q?.trim() ?? '', 50)).map((c) => ({
        id: c.id,
        level: c.level,
        name: c.name,
      })),
    }),
  );

  app.get(
    '/api/public/councils/:id',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: 'A council’s public page: meetings, topics, decisions, outcomes with progress',
        params: IdParams,
      },
    },
    async (request) => publicCouncilView(database, request.params.id, request.now),
  );

  app.post(
    '/api/public/councils/:id/topics',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: 'A resident proposes a topic (anonymous to the public if they wish)',
        params: IdParams,
        body: Type.Object({
          title: Text(100),
          body: Type.String({ maxLength: 4000 }),
          name: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
          isAnonymous: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Object({ item: TopicSchema }) },
      },
    },
    async (request) => {
      const row = await openTopic(deps, contextOf(request), null, {
        councilId: request.params.id,
        title: request.body.title,
        body: request.body.body,
        source: 'resident',
        proposerName: request.body.name,
        isAnonymous: request.body.isAnonymous,
      });
      return { item: presentTopic(row, request.now) };
    },
  );

  app.post(
    '/api/public/topics/:id/support',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Support a topic (once per phone)',
        params: IdParams,
        body: Type.Object({ phone: Phone }),
        response: { 200: Type.Object({ item: TopicSchema }) },
      },
    },
    async (request) => {
      const row = await supportTopic(deps, contextOf(request), {
        topicId: request.params.id,
        supporterKey: phoneKey(request.body.phone),
      });
      return { item: presentTopic(row, request.now) };
    },
  );

  app.post(
    '/api/public/meetings/:id/register',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Register to attend a meeting',
        params: IdParams,
        body: Type.Object({ name: Text(30), phone: Phone }),
        response: Ok,
      },
    },
    async (request) => {
      await registerForMeeting(deps, contextOf(request), {
        meetingId: request.params.id,
        attendee: { phoneKey: phoneKey(request.body.phone) },
        name: request.body.name,
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/public/meetings/:id/check-in',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Check in by the room’s QR code with the phone registered or invited',
        params: IdParams,
        body: Type.Object({ token: Text(64), phone: Phone }),
        response: Ok,
      },
    },
    async (request) => {
      await checkInByToken(deps, contextOf(request), {
        meetingId: request.params.id,
        token: request.body.token,
        attendee: { phoneKey: phoneKey(request.body.phone) },
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/public/outcomes/:id/ratings',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Rate a done outcome (a poor rating reopens it)',
        params: IdParams,
        body: Type.Object({
          phone: Phone,
          rating: Literals(ratings),
          comment: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
        }),
        response: { 200: Type.Object({ item: OutcomeSchema }) },
      },
    },
    async (request) => {
      const row = await rateOutcome(deps, contextOf(request), {
        outcomeId: request.params.id,
        raterKey: phoneKey(request.body.phone),
        ...request.body,
      });
      return { item: presentOutcome(row, request.now) };
    },
  );
};
