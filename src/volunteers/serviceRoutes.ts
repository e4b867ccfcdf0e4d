// HTTP routes of what the volunteers' service leads to: service-hours certificates with their public notice and
// verification page, the quarterly feedback to employers, and sunshine relief (阳光扶贫) pairings and visits.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { roleMay, scopeOf } from '../access/index.js';
import { memberIdOfUser } from '../identity/index.js';
import { maskName } from '../members/index.js';
import { orgDirectory } from '../orgs/index.js';
import { fromDbJson } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { literals } from '../platform/http/schemas.js';
import { ONE_PHOTO_BODY_LIMIT, PhotoSchema } from '../platform/images.js';
import {
  certificateDecisions,
  decideCertificate,
  objectToCertificate,
  proposeCertificate,
} from './certificates.js';
import { employerInScope, employerReport } from './employerReport.js';
import { pairHousehold, recordReliefVisit, type ReliefFlag } from './relief.js';
import {
  volunteerRepository,
  type CertificateRow,
  type PairingRow,
  type ReliefVisitRow,
} from './repository.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Code = Type.String({ minLength: 6, maxLength: 20 });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableInt = Type.Union([Type.Null(), Type.Integer()]);
const NullableNumber = Type.Union([Type.Null(), Type.Number()]);

const CertificateSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  memberId: Type.String(),
  memberName: Type.String(),
  year: Type.Integer(),
  hours: Type.Number(),
  status: Type.String(),
  noticeFrom: Type.Integer(),
  noticeUntil: Type.Integer(),
  objection: Nullable(Type.String()),
  issuedAt: NullableInt,
});

const PublicCertificateSchema = Type.Object({
  code: Type.String(),
  /** The holder's name with all but its first and last characters masked. */
  memberName: Type.String(),
  orgName: Type.String(),
  year: Type.Integer(),
  hours: Type.Number(),
  status: Type.String(),
  noticeUntil: Type.Integer(),
  issuedAt: NullableInt,
});

const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

function presentCertificate(c: CertificateRow) {
  return {
    id: c.id,
    code: c.code,
    memberId: c.member_id,
    memberName: c.member_name,
    year: c.year,
    hours: hoursOf(c.minutes),
    status: c.status,
    noticeFrom: c.notice_from,
    noticeUntil: c.notice_until,
    objection: c.objection,
    issuedAt: c.issued_at,
  };
}

const PairingSchema = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  /** The head of household's name, masked. */
  householdName: Type.String(),
  helperKind: Type.String(),
  memberId: Nullable(Type.String()),
  unitOrgId: Nullable(Type.String()),
  helperName: Type.String(),
  visitsPerQuarter: Type.Integer(),
  startedAt: Type.Integer(),
  endedAt: NullableInt,
  visits: Type.Integer(),
  flaggedVisits: Type.Integer(),
  lastVisitAt: NullableInt,
});

const VisitSchema = Type.Object({
  id: Type.String(),
  pairingId: Type.String(),
  startedAt: Type.Integer(),
  endedAt: Type.Integer(),
  minutes: Type.Integer(),
  lng: NullableNumber,
  lat: NullableNumber,
  note: Type.String(),
  help: Nullable(Type.String()),
  flags: Type.Array(Type.String()),
  hasPhoto: Type.Boolean(),
  createdAt: Type.Integer(),
});

function presentVisit(v: ReliefVisitRow) {
  return {
    id: v.id,
    pairingId: v.pairing_id,
    startedAt: v.started_at,
    endedAt: v.ended_at,
    minutes: Math.round((v.ended_at - v.started_at) / 60_000),
    lng: v.lng,
    lat: v.lat,
    note: v.note,
    help: v.help,
    flags: fromDbJson<ReliefFlag[]>(v.flags) ?? [],
    hasPhoto: v.photo !== null,
    createdAt: v.created_at,
  };
}

export const volunteerServiceRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const { db, dialect } = database;
  const repo = volunteerRepository(db, dialect);

  const orgIn = async (request: FastifyRequest, orgId: string | undefined) => {
    const id = orgId ?? userOf(request).active.orgId;
    const org = await orgDirectory(db, dialect).findById(scopeOf(userOf(request)), id);
    if (org === undefined) {
      throw notFound();
    }
    return org;
  };

  async function presentPairings(rows: PairingRow[]) {
    const visits = await repo.visitsOfPairings(rows.map((r) => r.id));
    return rows.map((p) => {
      const mine = visits.filter((v) => v.pairing_id === p.id);
      return {
        id: p.id,
        householdId: p.household_id,
        householdName: maskName(p.household_name),
        helperKind: p.helper_kind,
        memberId: p.member_id,
        unitOrgId: p.unit_org_id,
        helperName: p.helper_name,
        visitsPerQuarter: p.visits_per_quarter,
        startedAt: p.started_at,
        endedAt: p.ended_at,
        visits: mine.length,
        flaggedVisits: mine.filter((v) => (fromDbJson<string[]>(v.flags) ?? []).length > 0).length,
        lastVisitAt: mine[0]?.started_at ?? null,
      };
    });
  }

  // ---------------------------------------------------------------- certificates

  app.get(
    '/api/volunteers/certificates',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'Service-hours certificates of an organisation’s subtree, newest first',
        querystring: Type.Object({ orgId: Type.Optional(Id) }),
        response: { 200: Type.Object({ items: Type.Array(CertificateSchema) }) },
      },
    },
    async (request) => {
      const org = await orgIn(request, request.query.orgId);
      return { items: (await repo.listCertificates(org.path, 500)).map(presentCertificate) };
    },
  );

  app.post(
    '/api/volunteers/certificates',
    {
      config: { auth: 'volunteer.manage' },
      schema: {
        tags: ['volunteers'],
        summary:
          'Propose a certificate of a member’s confirmed hours for a year: a 7-day public notice starts',
        body: Type.Object({ memberId: Id, year: Year }),
        response: { 200: Type.Object({ item: CertificateSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const row = await proposeCertificate(database, contextOf(request), actor, scopeOf(actor), request.body);
      return { item: presentCertificate(row) };
    },
  );

  app.post(
    '/api/volunteers/certificates/:id/decision',
    {
      config: { auth: 'volunteer.manage' },
      schema: {
        tags: ['volunteers'],
        summary: 'Issue a certificate after its notice, dismiss an objection (with a reason), or withdraw it',
        params: Type.Object({ id: Id }),
        body: Type.Object({
          decision: literals(certificateDecisions),
          note: Type.String({ maxLength: 500 }),
        }),
        response: { 200: Type.Object({ item: CertificateSchema }) },
      },
    },
    async (request) => {
      const row = await decideCertificate(
        database,
        contextOf(request),
        scopeOf(userOf(request)),
        request.params.id,
        request.body.decision,
        request.body.note,
      );
      return { item: presentCertificate(row) };
    },
  );

  app.get(
    '/api/public/certificates/:code',
    {
      config: { auth: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['volunteers'],
        summary: 'Verify a service-hours certificate by its code (the holder’s name masked)',
        params: Type.Object({ code: Code }),
        response: { 200: PublicCertificateSchema },
      },
    },
    async (request) => {
      const c = await repo.certificateByCode(request.params.code.trim().toUpperCase());
      if (c === undefined || c.status === 'withdrawn') {
        throw notFound();
      }
      const orgId =
        c.org_path
          .split('/')
          .filter((s) => s !== '')
          .at(-1) ?? '';
      const org = await orgDirectory(db, dialect).findByIdUnscoped(orgId);
      return {
        code: c.code,
        memberName: maskName(c.member_name),
        orgName: org?.name ?? '',
        year: c.year,
        hours: hoursOf(c.minutes),
        status: c.status,
        noticeUntil: c.notice_until,
        issuedAt: c.issued_at,
      };
    },
  );

  app.post(
    '/api/public/certificates/:code/objection',
    {
      config: { auth: 'public', rateLimit: { max: 5, timeWindow: '1 minute' } },
      schema: {
        tags: ['volunteers'],
        summary: 'Object to a certificate while its notice runs; the community answers before issuing it',
        params: Type.Object({ code: Code }),
        body: Type.Object({ text: Type.String({ minLength: 5, maxLength: 1000 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await objectToCertificate(database, contextOf(request), request.params.code, request.body.text);
      return reply.code(204).send(null);
    },
  );

  // ---------------------------------------------------------------- feedback to employers

  app.get(
    '/api/volunteers/employer-report',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary:
          'A unit’s members’ hours in the community over a quarter, their evaluation, and who is behind the bar',
        querystring: Type.Object({
          unitOrgId: Id,
          quarter: Type.String({ pattern: '^\\d{4}-Q[1-4]$' }),
        }),
        response: {
          200: Type.Object({
            unitOrgId: Type.String(),
            unitName: Type.String(),
            quarter: Type.String(),
            from: Type.Integer(),
            to: Type.Integer(),
            lines: Type.Array(
              Type.Object({
                memberId: Type.String(),
                name: Type.String(),
                hours: Type.Number(),
                yearHours: Type.Number(),
                evaluation: Type.String(),
                isBehindBar: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const unit = await employerInScope(db, dialect, scopeOf(userOf(request)).path, request.query.unitOrgId);
      if (unit === undefined) {
        throw notFound();
      }
      const r = await employerReport(db, dialect, unit, request.query.quarter);
      return {
        unitOrgId: unit.id,
        unitName: unit.name,
        quarter: r.quarter,
        from: r.from,
        to: r.to,
        lines: r.lines.map((l) => ({
          memberId: l.memberId,
          name: l.name,
          hours: l.hours,
          yearHours: l.yearHours,
          evaluation: l.evaluation,
          isBehindBar: l.isBehindBar,
        })),
      };
    },
  );

  app.get(
    '/api/volunteers/feedback',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary:
          'The quarterly feedback the platform sent to units and branches in the caller’s scope: figures, accounts reached',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          period: Type.Optional(Type.String({ pattern: '^\\d{4}-Q[1-4]$' })),
          kind: Type.Optional(literals(['employer', 'branch'])),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                kind: Type.String(),
                org: Type.Object({ id: Type.String(), name: Type.String() }),
                period: Type.String(),
                members: Type.Integer(),
                unregistered: Type.Integer(),
                behindBar: Type.Integer(),
                hours: Type.Number(),
                recipients: Type.Integer(),
                sentAt: Type.Integer(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const org = await orgIn(request, request.query.orgId);
      const rows = await repo.feedbackSent(
        { path: org.path },
        {
          ...(request.query.period === undefined ? {} : { period: request.query.period }),
          ...(request.query.kind === undefined ? {} : { kind: request.query.kind }),
          limit: request.query.limit ?? 100,
        },
      );
      const names = new Map(
        (await orgDirectory(db, dialect).byIds([...new Set(rows.map((r) => r.org_id))])).map((o) => [
          o.id,
          o.name,
        ]),
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          org: { id: r.org_id, name: names.get(r.org_id) ?? '' },
          period: r.period,
          members: r.members,
          unregistered: r.unregistered,
          behindBar: r.behind_bar,
          hours: Math.round(r.minutes / 6) / 10,
          recipients: r.recipients,
          sentAt: r.sent_at,
        })),
      };
    },
  );

  // ---------------------------------------------------------------- sunshine relief

  app.get(
    '/api/relief/pairings',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'Relief pairings of an organisation’s subtree with their visit counts and flagged visits',
        querystring: Type.Object({ orgId: Type.Optional(Id) }),
        response: { 200: Type.Object({ items: Type.Array(PairingSchema) }) },
      },
    },
    async (request) => {
      const org = await orgIn(request, request.query.orgId);
      return { items: await presentPairings(await repo.listPairings(org.path, 1000)) };
    },
  );

  app.post(
    '/api/relief/pairings',
    {
      config: { auth: 'volunteer.manage' },
      schema: {
        tags: ['volunteers'],
        summary: 'Pair a party member or a unit with a household in need',
        body: Type.Object({
          householdId: Id,
          memberId: Type.Optional(Id),
          unitOrgId: Type.Optional(Id),
          visitsPerQuarter: Type.Integer({ minimum: 1, maximum: 30 }),
        }),
        response: { 200: Type.Object({ item: PairingSchema }) },
      },
    },
    async (request) => {
      const row = await pairHousehold(database, contextOf(request), scopeOf(userOf(request)), request.body);
      return { item: (await presentPairings([row]))[0]! };
    },
  );

  app.get(
    '/api/relief/pairings/:id/visits',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'The visits of a pairing, newest first, with their flags',
        params: Type.Object({ id: Id }),
        response: { 200: Type.Object({ items: Type.Array(VisitSchema) }) },
      },
    },
    async (request) => {
      const p = await repo.findPairing(scopeOf(userOf(request)), request.params.id);
      if (p === undefined) {
        throw notFound();
      }
      return { items: (await repo.visitsOfPairings([p.id])).map(presentVisit) };
    },
  );

  app.get(
    '/api/relief/my',
    {
      config: { auth: 'volunteer.serve' },
      schema: {
        tags: ['volunteers'],
        summary: 'The households the caller is paired with',
        response: { 200: Type.Object({ items: Type.Array(PairingSchema) }) },
      },
    },
    async (request) => {
      const memberId = await memberIdOfUser(db, dialect, userOf(request).userId);
      return { items: memberId === null ? [] : await presentPairings(await repo.pairingsOfMember(memberId)) };
    },
  );

  app.get(
    '/api/relief/visits/:id/photo',
    {
      config: { auth: 'volunteer.read' },
      schema: {
        tags: ['volunteers'],
        summary: 'The photo of a relief visit in the caller’s scope (re-encoded, without metadata)',
        params: Type.Object({ id: Id }),
      },
    },
    async (request, reply) => {
      const photo = await repo.visitPhoto(scopeOf(userOf(request)), request.params.id);
      if (photo === undefined) {
        throw notFound();
      }
      return reply
        .header('cache-control', 'private, max-age=86400')
        .type(photo.mime)
        .send(Buffer.from(photo.bytes));
    },
  );

  app.post(
    '/api/relief/visits',
    {
      config: { auth: 'volunteer.serve' },
      bodyLimit: ONE_PHOTO_BODY_LIMIT,
      schema: {
        tags: ['volunteers'],
        summary:
          'Record a visit to a paired household (time, position, what was heard and given); flagged if implausible',
        body: Type.Object({
          pairingId: Id,
          startedAt: Type.Integer({ minimum: 0 }),
          endedAt: Type.Integer({ minimum: 0 }),
          lng: Type.Union([Type.Null(), Type.Number({ minimum: 73, maximum: 136 })]),
          lat: Type.Union([Type.Null(), Type.Number({ minimum: 3, maximum: 54 })]),
          note: Type.String({ minLength: 1, maxLength: 2000 }),
          help: Type.Union([Type.Null(), Type.String({ maxLength: 1000 })]),
          photo: Type.Optional(Type.Union([Type.Null(), PhotoSchema])),
        }),
        response: { 200: Type.Object({ item: VisitSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const memberId = await memberIdOfUser(db, dialect, actor.userId);
      // A member records their own pairings; a community manager those of its scope (a unit's pairing).
      const mayManage = roleMay(actor.active.role, 'volunteer.manage');
      const row = await recordReliefVisit(
        database,
        contextOf(request),
        actor,
        mayManage ? scopeOf(actor) : null,
        memberId,
        request.body,
      );
      return { item: presentVisit(row) };
    },
  );
};
