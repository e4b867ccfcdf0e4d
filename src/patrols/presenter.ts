// What a client may see of patrols.
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { PatrolPointRow, PatrolRow } from './repository.js';

export const PatrolSchema = Type.Object({
  id: Type.String(),
  gridId: Type.String(),
  userId: Type.String(),
  workerName: Type.String(),
  status: Type.String(),
  startedAt: Type.Number(),
  endedAt: Type.Union([Type.Number(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  pointCount: Type.Integer(),
  distanceM: Type.Number(),
});

export const PatrolPointSchema = Type.Object({
  at: Type.Number(),
  lng: Type.Number(),
  lat: Type.Number(),
  accuracyM: Type.Union([Type.Number(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  caseId: Type.Union([Type.String(), Type.Null()]),
});

export function presentPatrol(row: PatrolRow): Static<typeof PatrolSchema> {
  return {
    id: row.id,
    gridId: row.grid_id,
    userId: row.user_id,
    workerName: row.worker_name,
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    note: row.note,
    pointCount: row.point_count,
    distanceM: row.distance_m,
  };
}

export function presentPoint(
  row: Pick<PatrolPointRow, 'at' | 'lng' | 'lat' | 'accuracy_m' | 'note' | 'case_id'>,
): Static<typeof PatrolPointSchema> {
  return {
    at: row.at,
    lng: row.lng,
    lat: row.lat,
    accuracyM: row.accuracy_m,
    note: row.note,
    caseId: row.case_id,
  };
}
