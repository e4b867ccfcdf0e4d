// HTTP routes of the party-member module: list and page, registration, transfer (组织关系转接), 双报到, audited reveal.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { scopeOf, type Scope } from '../access/index.js';
import { orgDirectory } from '../orgs/index.js';
import { notFound } from '../platform/errors.js';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import { createMember } from './createMember.js';
import { headedHousehold } from './headedHousehold.js';
import { MemberSchema, orgIdsOf, presentMember, TransferSchema, type OrgRef } from './presenter.js';
import { registerCommunity } from './registerCommunity.js';
import { memberRepository, type MemberListRow } from './repository.js';
import { revealMember } from './revealMember.js';
import { transferMember } from './transferMember.js';
import { educations, genders, memberRoles, memberStatuses } from './vocabulary.js';
import { appointOfficer } from './appointOfficer.js';
import { keyAfter, keysetPage } from '../platform/http/keyset.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });
const literalUnion = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Reason = Type.String({ minLength: 2, maxLength: 500 });
const Date_ = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const MemberDetailSchema = Type.Intersect([
  MemberSchema,
  Type.Object({
    roles: Type.Array(
      Type.Object({
        role: Type.String(),
        org: Type.Object({ id: Type.String(), name: Type.String(), level: Type.String() }),
      }),
    ),
    centralHousehold: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
    transfers: Type.Array(TransferSchema),
  }),
]);

export const memberRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;
  const members = memberRepository(database.db, database.dialect);
  const orgs = orgDirectory(database.db, database.dialect);

  const orgRefs = async (ids: string[]): Promise<Map<string, OrgRef>> =>
    new Map((await orgs.byIds(ids)).map((o) => [o.id, { id: o.id, name: o.name, level: o.level }]));
  const presentAll = async (rows: MemberListRow[]) => {
    const refs = await orgRefs(orgIdsOf(rows));
    return rows.map((r) => presentMember(r, refs));
  };
  const detail = async (scope: Scope, id: string) => {
    const row = await members.findById(scope, id);
    if (row === undefined) {
      throw notFound();
    }
    const [roles, transfers, headed] = await Promise.all([
      members.rolesOfMember(row.id),
      members.transfers(row.id),
      headedHousehold(database.db, database.dialect, row.id),
    ]);
    const ids = [
      ...orgIdsOf([row]),
      ...transfers.flatMap((t) => [t.to_branch_id, t.from_branch_id ?? t.to_branch_id]),
    ];
    const refs = await orgRefs([...new Set(ids)]);
    const ref = (orgId: string) => refs.get(orgId) ?? { id: orgId, name: '', level: '' };
    return {
      item: {
        ...presentMember(row, refs),
        roles: roles.map((r) => ({
          role: r.role,
          org: { id: r.org_id, name: r.org_name, level: r.org_level },
        })),
        centralHousehold: headed === undefined ? null : { id: headed.id, name: headed.name },
        transfers: transfers.map((t) => ({
          id: String(t.id),
          kind: t.kind,
          from: t.from_branch_id === null ? null : ref(t.from_branch_id),
          to: ref(t.to_branch_id),
          at: t.at,
          reason: t.reason,
        })),
      },
    };
  };

  app.get(
    '/api/members',
    {
      config: { auth: 'member.read' },
      schema: {
        tags: ['members'],
        summary: 'Party members of an organisation subtree, filtered, keyset-paged',
        querystring: Type.Object({
          orgId: Type.Optional(Id),
          name: Type.Optional(Type.String({ maxLength: 30 })),
          status: Type.Optional(literalUnion(memberStatuses)),
          gender: Type.Optional(literalUnion(genders)),
          education: Type.Optional(literalUnion(educations)),
          registeredIn: Type.Optional(Type.Boolean({ description: 'members registered (双报到) in orgId' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
          cursor: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(MemberSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
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
      const rows = await members.list(scope, {
        underPath: org.path,
        communityPath: q.registeredIn === true ? org.path : undefined,
        name: q.name?.trim(),
        status: q.status,
        gender: q.gender,
        education: q.education,
        afterId: keyAfter(q.cursor),
        limit: limit + 1,
      });
      const { page, nextCursor } = keysetPage(rows, limit);
      return {
        items: await presentAll(page),
        nextCursor,
      };
    },
  );

  app.get(
    '/api/members/:id',
    {
      config: { auth: 'member.read' },
      schema: {
        tags: ['members'],
        summary: 'One party member: posts, central household, transfer history (numbers masked)',
        params: IdParams,
        response: { 200: Type.Object({ item: MemberDetailSchema }) },
      },
    },
    async (request) => detail(scopeOf(userOf(request)), request.params.id),
  );

  app.post(
    '/api/members',
    {
      config: { auth: 'member.write' },
      schema: {
        tags: ['members'],
        summary: 'Register a party member in a branch',
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 30 }),
          ethnicity: Type.String({ minLength: 1, maxLength: 20 }),
          education: literalUnion(educations),
          idNumber: Type.String({ minLength: 15, maxLength: 20 }),
          phone: Type.Union([Type.String({ pattern: '^1\\d{10}$' }), Type.Null()]),
          joinedOn: Date_,
          status: literalUnion(memberStatuses),
          branchId: Id,
          groupId: Type.Union([Id, Type.Null()]),
          communityId: Type.Union([Id, Type.Null()]),
        }),
        response: { 200: Type.Object({ item: MemberDetailSchema }) },
      },
    },
    async (request) => {
      const scope = scopeOf(userOf(request));
      const row = await createMember(database, deps.services.cipher, contextOf(request), scope, request.body);
      return detail(scope, row.id);
    },
  );

  app.post(
    '/api/members/:id/transfer',
    {
      config: { auth: 'member.write' },
      schema: {
        tags: ['members'],
        summary: 'Transfer a member to another branch (组织关系转接)',
        params: IdParams,
        body: Type.Object({ branchId: Id, groupId: Type.Union([Id, Type.Null()]), reason: Reason }),
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (request) => {
      await transferMember(database, contextOf(request), scopeOf(userOf(request)), {
        memberId: request.params.id,
        branchId: request.body.branchId,
        groupId: request.body.groupId,
        reason: request.body.reason,
      });
      return { ok: true };
    },
  );

  app.put(
    '/api/members/:id/community',
    {
      config: { auth: 'member.write' },
      schema: {
        tags: ['members'],
        summary: 'Register a member with their residential community (双报到), or end it with null',
        params: IdParams,
        body: Type.Object({ communityId: Type.Union([Id, Type.Null()]) }),
        response: { 200: Type.Object({ item: MemberDetailSchema }) },
      },
    },
    async (request) => {
      const scope = scopeOf(userOf(request));
      await registerCommunity(database, contextOf(request), scope, {
        memberId: request.params.id,
        communityId: request.body.communityId,
      });
      return detail(scope, request.params.id);
    },
  );

  app.post(
    '/api/members/:id/reveal',
    {
      config: { auth: 'member.reveal' },
      schema: {
        tags: ['members'],
        summary: 'Show the full ID and phone numbers; needs a reason and is audited',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ maxLength: 500 }) }),
        response: {
          200: Type.Object({ idNumber: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) }),
        },
      },
    },
    async (request) =>
      revealMember(database, deps.services.cipher, contextOf(request), scopeOf(userOf(request)), {
        memberId: request.params.id,
        reason: request.body.reason,
      }),
  );

  app.get(
    '/api/orgs/:id/officers',
    {
      config: { auth: 'member.read' },
      schema: {
        tags: ['members'],
        summary: 'Who holds the posts of an organisation: secretary, committee, group leader',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ role: Type.String(), memberId: Type.String(), name: Type.String() }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const org = await orgs.findById(scopeOf(userOf(request)), request.params.id);
      if (org === undefined) {
        throw notFound();
      }
      const rows = await members.officersOf(org.id);
      return { items: rows.map((r) => ({ role: r.role, memberId: r.id, name: r.name })) };
    },
  );

  app.put(
    '/api/orgs/:id/officers',
    {
      config: { auth: 'member.write' },
      schema: {
        tags: ['members'],
        summary: 'Appoint a member of the organisation to a post, or end the appointment',
        params: IdParams,
        body: Type.Object({ memberId: Id, role: literalUnion(memberRoles), isAppointed: Type.Boolean() }),
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (request) => {
      await appointOfficer(database, contextOf(request), scopeOf(userOf(request)), {
        orgId: request.params.id,
        memberId: request.body.memberId,
        role: request.body.role,
        isAppointed: request.body.isAppointed,
      });
      return { ok: true };
    },
  );
};
