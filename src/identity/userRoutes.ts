// HTTP routes of user administration (district admins, and town admins for their town): accounts, role assignments,
// password resets, member and grid links, and the spreadsheet import.
import fastifyMultipart from '@fastify/multipart';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { contextOf, userOf } from '../platform/http/request.js';
import type { ModuleRoutes } from '../platform/http/module.js';
import {
  ImportQuery,
  ImportReportSchema,
  MAX_UPLOAD_BYTES,
  uploadedFile,
} from '../platform/spreadsheet/index.js';
import { assignRole, revokeRole } from './assignRole.js';
import { createUser } from './createUser.js';
import { importUsers } from './importUsers.js';
import { linkGrids, linkMember } from './linkUser.js';
import { roles, type Role } from '../access/index.js';
import { presentUserDetail, presentUserSummary, UserDetailSchema, UserSummarySchema } from './presenter.js';
import { getUserDetail, listUsers } from './readUsers.js';
import { resetPassword } from './resetPassword.js';
import { mayGrant, roleOrgLevels } from './roleRules.js';
import { setUserActive } from './setUserActive.js';
import { updateUser } from './updateUser.js';

const RoleSchema = Type.Union(roles.map((r) => Type.Literal(r)));
// In a response a union built from the array types as never, so the answer's role is declared by its enum.
const RoleAnswer = Type.Unsafe<Role>({ type: 'string', enum: [...roles] });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });
const Username = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$' });
const DisplayName = Type.String({ minLength: 1, maxLength: 30 });
const OneTime = Type.Object({ oneTimePassword: Type.String() });

export const userAdminRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  const { database } = deps;
  const detail = async (actorId: Parameters<typeof getUserDetail>[1], id: string) => ({
    item: presentUserDetail(await getUserDetail(database, actorId, id)),
  });

  app.get(
    '/api/admin/users',
    {
      config: { auth: 'admin.users' },
      schema: {
        tags: ['admin'],
        summary:
          'Accounts in the caller’s scope, a page at a time; search by username or name, role, organisation',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 64 })),
          role: Type.Optional(RoleSchema),
          orgId: Type.Optional(Id),
          status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('inactive')])),
          page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(UserSummarySchema), total: Type.Integer() }),
        },
      },
    },
    async (request) => {
      const { page = 1, pageSize = 20, ...filter } = request.query;
      const result = await listUsers(database, userOf(request), {
        ...filter,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      return {
        items: result.rows.map((r) => presentUserSummary(r.user, r.assignments)),
        total: result.total,
      };
    },
  );

  app.get(
    '/api/admin/users/grantable-roles',
    {
      config: { auth: 'admin.users' },
      schema: {
        tags: ['admin'],
        summary: 'The roles the caller may grant, with the organisation levels each may be held at',
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ role: RoleAnswer, orgLevels: Type.Array(Type.String()) })),
          }),
        },
      },
    },
    async (request) => {
      const granter = userOf(request).active.role;
      return {
        items: roles
          .filter((r) => mayGrant(granter, r))
          .map((r) => ({ role: r, orgLevels: [...roleOrgLevels[r]] })),
      };
    },
  );

  app.post(
    '/api/admin/users',
    {
      config: { auth: 'admin.users' },
      schema: {
        tags: ['admin'],
        summary:
          'Create an account; its one-time password is shown once and must be changed at first sign-in',
        body: Type.Object({
          username: Username,
          displayName: DisplayName,
          orgId: Id,
          roles: Type.Array(Type.Object({ role: RoleSchema, orgId: Id }), { maxItems: 20, default: [] }),
        }),
        response: { 201: Type.Object({ item: UserDetailSchema, oneTimePassword: Type.String() }) },
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      const made = await createUser(database, contextOf(request), actor, {
        ...request.body,
        roles: request.body.roles,
      });
      return reply
        .code(201)
        .send({ ...(await detail(actor, made.userId)), oneTimePassword: made.oneTimePassword });
    },
  );

  app.get(
    '/api/admin/users/:id',
    {
      config: { auth: 'admin.users' },
      schema: {
        tags: ['admin'],
        summary: 'One account with its role assignments, last sign-in, member and grid links',
        params: IdParams,
        response: { 200: Type.Object({ item: UserDetailSchema }) },
      },
    },
    async (request) => detail(userOf(request), request.params.id),
  );

  app.patch(
    '/api/admin/users/:id',
    {
      config: { auth: 'admin.users' },
      schema: {
        tags: ['admin'],
        summary: 'Edit an account’s display name or home organisation',
        params: IdParams,
        body: Type.Object({ displayName: Type.Optional(DisplayName), orgId: Type.Optional(Id) }),
        response: { 200: Type.Object({ item: UserDetailSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      await updateUser(database, contextOf(request), actor, { userId: request.params.id, ...request.body });
      return detail(actor, request.params.id);
    },
  );

  for (const [verb, isActive] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/api/admin/users/:id/${verb}`,
      {
        config: { auth: 'admin.users' },
        schema: {
          tags: ['admin'],
          summary: isActive
            ? 'Reactivate an account'
            : 'Deactivate an account: its sessions end at once, sign-in and tokens stop working',
          params: IdParams,
          response: { 200: Type.Object({ item: UserDetailSchema }) },
        },
      },
      async (request) => {
        const actor = userOf(request);
        await setUserActive(database, contextOf(request), actor, { userId: request.params.id, isActive });
        return detail(actor, request.params.id);
      },
    );
  }

  app.post(
    '/api/admin/users/:id/assignments',
    {
      config: { auth: 'admin.users' },
      schema: {
        tags: ['admin'],
        summary: 'Grant a role at an organisation (a town admin: town roles inside the town only)',
        params: IdParams,
        body: Type.Object({ role: RoleSchema, orgId: Id }),
        response: { 201: Type.Object({ item: UserDetailSchema }) },
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      await assignRole(database, contextOf(request), actor, { userId: request.params.id, ...request.body });
      return reply.code(201).send(await detail(actor, request.params.id));
    },
  );

  app.delete(
    '/api/admin/users/:id/assignments/:assignmentId',
    {
      config: { auth: 'admin.users' },
      schema: {
        tags: ['admin'],
        summary: 'Revoke one role assignment',
        params: Type.Object({ id: Id, assignmentId: Id }),
        response: { 200: Type.Object({ item: UserDetailSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      await revokeRole(database, contextOf(request), actor, {
        userId: request.params.id,
        assignmentId: request.params.assignmentId,
      });
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/admin/users/:id/password-reset',
    {
      config: { auth: 'admin.users', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['admin'],
        summary: 'Reset to a one-time password (shown once); all sessions end; changed at next sign-in',
        params: IdParams,
        response: { 200: OneTime },
      },
    },
    async (request) => resetPassword(database, contextOf(request), userOf(request), request.params.id),
  );

  app.put(
    '/api/admin/users/:id/member',
    {
      config: { auth: 'admin.users' },
      schema: {
        tags: ['admin'],
        summary: 'Link the account to the party member it is, or clear the link (null)',
        params: IdParams,
        body: Type.Object({ memberId: Type.Union([Id, Type.Null()]) }),
        response: { 200: Type.Object({ item: UserDetailSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      await linkMember(database, contextOf(request), actor, {
        userId: request.params.id,
        memberId: request.body.memberId,
      });
      return detail(actor, request.params.id);
    },
  );

  app.put(
    '/api/admin/users/:id/grids',
    {
      config: { auth: 'admin.users' },
      schema: {
        tags: ['admin'],
        summary: 'Set the grids the account serves as grid worker or leader (grid-staff links)',
        params: IdParams,
        body: Type.Object({
          grids: Type.Array(
            Type.Object({ gridId: Id, role: Type.Union([Type.Literal('worker'), Type.Literal('leader')]) }),
            { maxItems: 50 },
          ),
        }),
        response: { 200: Type.Object({ item: UserDetailSchema }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      await linkGrids(database, contextOf(request), actor, {
        userId: request.params.id,
        grids: request.body.grids,
      });
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/imports/users',
    {
      config: { auth: 'admin.users' },
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['admin'],
        summary:
          'Import accounts from .xlsx or .csv: dry run by default; a commit creates all (one-time passwords returned once) or none',
        consumes: ['multipart/form-data'],
        querystring: ImportQuery,
        response: {
          200: Type.Object({
            ...ImportReportSchema.properties,
            credentials: Type.Array(
              Type.Object({
                username: Type.String(),
                displayName: Type.String(),
                oneTimePassword: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) =>
      importUsers(database, contextOf(request), userOf(request), {
        bytes: await uploadedFile(request),
        dryRun: request.query.dryRun ?? true,
      }),
  );
};
