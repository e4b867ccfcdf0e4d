// What a client may see of grids; phones leave only masked.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { GridRow, GridStaffRow } from './repository.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const GridSummarySchema = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    type: Type.String(),
    subType: Nullable(Type.String()),
    villageId: Type.String(),
    townId: Type.String(),
    areaM2: Type.Number(),
    nets: Type.Array(Type.String()),
    partyOrgKind: Nullable(Type.String()),
    householdCount: Type.Integer(),
    status: Type.String(),
    version: Type.Integer(),
  },
  { $id: 'GridSummary' },
);
export type GridSummaryDto = Static<typeof GridSummarySchema>;

export const StaffSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  phone: Nullable(Type.String()),
  userId: Nullable(Type.String()),
});

const Ref = Type.Object({ id: Type.String(), name: Type.String(), code: Nullable(Type.String()) });

export const GridDetailSchema = Type.Intersect([
  GridSummarySchema,
  Type.Object({
    geometry: Type.Unknown(),
    village: Nullable(Ref),
    town: Nullable(Ref),
    partyOrg: Nullable(Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() })),
    staff: Type.Array(StaffSchema),
    updatedAt: Type.Number(),
  }),
]);
export type GridDetailDto = Static<typeof GridDetailSchema>;

type SummaryRow = Pick<
  GridRow,
  | 'id'
  | 'code'
  | 'name'
  | 'type'
  | 'sub_type'
  | 'village_id'
  | 'town_id'
  | 'area_m2'
  | 'nets'
  | 'party_org_kind'
  | 'household_count'
  | 'status'
  | 'version'
>;

export function presentGridSummary(row: SummaryRow): GridSummaryDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    subType: row.sub_type,
    villageId: row.village_id,
    townId: row.town_id,
    areaM2: row.area_m2,
    nets: JSON.parse(row.nets) as string[],
    partyOrgKind: row.party_org_kind,
    householdCount: row.household_count,
    status: row.status,
    version: row.version,
  };
}

export function presentStaff(row: GridStaffRow): Static<typeof StaffSchema> {
  return { id: row.id, name: row.name, role: row.role, phone: row.phone_masked, userId: row.user_id };
}

export function presentGridDetail(
  row: GridRow,
  refs: {
    village: Static<typeof Ref> | null;
    town: Static<typeof Ref> | null;
    partyOrg: { kind: string; id: string; name: string } | null;
    staff: GridStaffRow[];
  },
): GridDetailDto {
  return {
    ...presentGridSummary(row),
    geometry: JSON.parse(row.geometry) as unknown,
    village: refs.village,
    town: refs.town,
    partyOrg: refs.partyOrg,
    staff: refs.staff.map(presentStaff),
    updatedAt: row.updated_at,
  };
}
