// HTTP routes of case routing for staff: the departments a case may be dispatched to.
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { OrgRow } from '../../orgs/index.js';
import type { ModuleRoutes } from '../../platform/http/module.js';
import { userOf } from '../../platform/http/request.js';
import { listDispatchTargets } from './dispatchTargets.js';

const DispatchTargetSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
});

const presentTarget = (o: OrgRow) => ({ id: o.id, name: o.name, type: o.type, parentId: o.parent_id });

export const caseRoutingRoutes: ModuleRoutes = async (base, { deps }) => {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { database } = deps;

  app.get(
    '/api/cases/:id/dispatch-targets',
    {
      config: { auth: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: "Departments this case may be dispatched to: its town's platform offices and the district's",
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: Type.Object({ items: Type.Array(DispatchTargetSchema) }) },
      },
    },
    async (request) => {
      const targets = await listDispatchTargets(
        database.db,
        database.dialect,
        userOf(request),
        request.params.id,
      );
      return { items: targets.map(presentTarget) };
    },
  );
};
