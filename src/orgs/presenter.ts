// What a client may see of an organisation.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { OrgRow } from './repository.js';

export const OrgSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    code: Type.Union([Type.String(), Type.Null()]),
    level: Type.String(),
    type: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    foundedOn: Type.Union([Type.String(), Type.Null()]),
    childCount: Type.Integer(),
  },
  { $id: 'Org' },
);
export type OrgDto = Static<typeof OrgSchema>;

export function presentOrg(row: OrgRow, childCount: number): OrgDto {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    level: row.level,
    type: row.type,
    parentId: row.parent_id,
    status: row.status,
    foundedOn: row.founded_on,
    childCount,
  };
}
