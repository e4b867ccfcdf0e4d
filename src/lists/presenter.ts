// What a client may see of lists, admission items, tasks and refusals. No person's data beyond the names of staff
// who hold a grid (a grid worker's name is on every case of the grid already).
import { LimitUnitSchema } from '../calendar/index.js';
import { Type, type Static } from '@fastify/type-provider-typebox';
import { fromDbBool } from '../platform/db/database.js';
import type { ItemView } from './composeList.js';
import { isAdmittedAt } from './enforce.js';
import type { AdmissionItemRow, AssignmentRow } from './repository.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const LimitSchema = Type.Object({
  amount: Type.Number({ exclusiveMinimum: 0, maximum: 10000 }),
  unit: LimitUnitSchema,
});

export const ItemSchema = Type.Object({
  id: Type.String(),
  ownerOrgId: Type.String(),
  level: Type.String(),
  kind: Type.String(),
  code: Type.String(),
  title: Type.String(),
  basis: Type.String(),
  steps: Type.Array(Type.String()),
  documents: Type.Array(Type.String()),
  timeLimit: Type.Union([LimitSchema, Type.Null()]),
  responsible: Type.String(),
  governance: Type.String(),
  status: Type.String(),
  expiresAt: NullableInt,
  categoryCode: Nullable(Type.String()),
  taskCode: Nullable(Type.String()),
  source: Type.String(),
  refusals: Type.Integer(),
});
export type ItemDto = Static<typeof ItemSchema>;

export function presentItem(i: ItemView, refusals = 0): ItemDto {
  return {
    id: i.id,
    ownerOrgId: i.ownerOrgId,
    level: i.level,
    kind: i.kind,
    code: i.code,
    title: i.title,
    basis: i.basis,
    steps: i.steps,
    documents: i.documents,
    timeLimit: i.timeLimit === null ? null : { amount: i.timeLimit.amount, unit: i.timeLimit.unit },
    responsible: i.responsible,
    governance: i.governance,
    status: i.status,
    expiresAt: i.expiresAt,
    categoryCode: i.categoryCode,
    taskCode: i.taskCode,
    source: i.source,
    refusals,
  };
}

export const AdmissionSchema = Type.Object({
  id: Type.String(),
  ownerOrgId: Type.String(),
  taskKind: Type.String(),
  taskCode: Type.String(),
  title: Type.String(),
  departmentName: Type.String(),
  reason: Type.String(),
  weeklyLoad: Type.Integer(),
  durationDays: NullableInt,
  isEmergency: Type.Boolean(),
  /** pending | admitted | refused | withdrawn | expired (admitted, past its expiry) */
  status: Type.String(),
  startsAt: NullableInt,
  expiresAt: NullableInt,
  decidedAt: NullableInt,
  decisionNote: Nullable(Type.String()),
  createdAt: Type.Integer(),
});
export type AdmissionDto = Static<typeof AdmissionSchema>;

export function presentAdmission(r: AdmissionItemRow, now: number): AdmissionDto {
  return {
    id: r.id,
    ownerOrgId: r.owner_org_id,
    taskKind: r.task_kind,
    taskCode: r.task_code,
    title: r.title,
    departmentName: r.department_name,
    reason: r.reason,
    weeklyLoad: r.weekly_load,
    durationDays: r.duration_days,
    isEmergency: fromDbBool(r.is_emergency),
    status: r.status === 'admitted' && !isAdmittedAt(r, now) ? 'expired' : r.status,
    startsAt: r.starts_at,
    expiresAt: r.expires_at,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    createdAt: r.created_at,
  };
}

export const TaskSchema = Type.Object({
  id: Type.String(),
  taskKind: Type.String(),
  taskCode: Type.String(),
  title: Type.String(),
  gridId: Type.String(),
  workerName: Type.String(),
  caseId: Nullable(Type.String()),
  assignedAt: Type.Integer(),
  week: Type.String(),
});

export function presentTask(r: AssignmentRow): Static<typeof TaskSchema> {
  return {
    id: r.id,
    taskKind: r.task_kind,
    taskCode: r.task_code,
    title: r.title,
    gridId: r.grid_id,
    workerName: r.worker_name,
    caseId: r.case_id,
    assignedAt: r.assigned_at,
    week: r.week,
  };
}

export const ListRefSchema = Type.Object({
  ownerOrgId: Type.String(),
  ownerName: Type.String(),
  ownerLevel: Type.String(),
  level: Type.String(),
  items: Type.Integer(),
});
