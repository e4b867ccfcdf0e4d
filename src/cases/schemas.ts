// Request schemas shared by the staff, public and Open311 intake routes.
import { Type } from '@fastify/type-provider-typebox';
import { PhotoSchema } from '../platform/images.js';
import { caseActions } from './workflow/stateMachine.js';

export const ReportBodySchema = Type.Object({
  categoryCode: Type.String({ minLength: 1, maxLength: 20 }),
  description: Type.String({ minLength: 2, maxLength: 2000 }),
  urgency: Type.Optional(Type.Union([Type.Literal('urgent'), Type.Literal('normal')])),
  lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  crs: Type.Optional(Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02')])),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  orgId: Type.Optional(Type.String({ maxLength: 64 })),
  reporterName: Type.Optional(Type.String({ maxLength: 50 })),
  reporterPhone: Type.Optional(Type.String({ pattern: '^1[0-9]{10}$' })),
  isAnonymous: Type.Optional(Type.Boolean()),
  extra: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  photos: Type.Optional(Type.Array(PhotoSchema, { maxItems: 9 })),
});

export const StaffReportBodySchema = Type.Intersect([
  ReportBodySchema,
  Type.Object({
    source: Type.Optional(
      Type.Union(
        ['patrol', 'hotline', 'walkIn', 'council', 'centralHousehold', 'sensor', 'superior'].map((s) =>
          Type.Literal(s),
        ),
      ),
    ),
    handleLocally: Type.Optional(Type.Boolean()),
    patrolId: Type.Optional(Type.String({ maxLength: 64 })),
    asDraft: Type.Optional(Type.Boolean()),
  }),
]);

export const ActionBodySchema = Type.Object({
  action: Type.Union(caseActions.map((a) => Type.Literal(a))),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  isPublic: Type.Optional(Type.Boolean()),
  departmentId: Type.Optional(Type.String({ maxLength: 64 })),
  minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 * 24 * 365 })),
  targetCaseId: Type.Optional(Type.String({ maxLength: 64 })),
  card: Type.Optional(Type.Union([Type.Literal('yellow'), Type.Literal('red')])),
  photos: Type.Optional(Type.Array(PhotoSchema, { maxItems: 9 })),
});

/** Photos travel as base64 in JSON: 9 × 5 MB plus encoding overhead. */
export const PHOTO_BODY_LIMIT = 64 * 1024 * 1024;
