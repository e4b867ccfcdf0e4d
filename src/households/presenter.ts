// What a client may see of households and central households.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { HouseholdRow } from './repository.js';

export const HouseholdSchema = Type.Object(
  {
    id: Type.String(),
    headName: Type.String(),
    address: Type.String(),
    size: Type.Integer(),
    villageId: Type.String(),
    centralHouseholdId: Type.Union([Type.String(), Type.Null()]),
    gridId: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Household' },
);

export const CentralHouseholdSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    status: Type.String(),
    head: Type.Object({ id: Type.String(), name: Type.String() }),
    group: Type.Object({ id: Type.String(), name: Type.String() }),
    linkedCount: Type.Integer(),
  },
  { $id: 'CentralHousehold' },
);

export type HouseholdDto = Static<typeof HouseholdSchema>;
export type CentralHouseholdDto = Static<typeof CentralHouseholdSchema>;

export function presentHousehold(row: HouseholdRow): HouseholdDto {
  return {
    id: row.id,
    headName: row.head_name,
    address: row.address,
    size: row.size,
    villageId: row.village_id,
    centralHouseholdId: row.central_household_id,
    gridId: row.grid_id,
  };
}

export function presentCentralHousehold(row: {
  id: string;
  name: string;
  status: string;
  head_member_id: string;
  head_name: string;
  group_id: string;
  group_name: string;
  linked: number | null;
}): CentralHouseholdDto {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    head: { id: row.head_member_id, name: row.head_name },
    group: { id: row.group_id, name: row.group_name },
    linkedCount: row.linked ?? 0,
  };
}
