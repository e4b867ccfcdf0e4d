// Request schemas of the Open311 endpoints (the spec's parameter names); validation failures answer the spec's errors.
import { Type, type Static } from '@fastify/type-provider-typebox';

const Str = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

export const FormatParams = Type.Object({ format: Type.String({ maxLength: 8 }) });

export const ServiceParams = Type.Object({
  service_code: Type.String({ maxLength: 40 }),
  format: Type.String({ maxLength: 8 }),
});

export const RequestIdParams = Type.Object({
  service_request_id: Type.String({ maxLength: 40 }),
  format: Type.String({ maxLength: 8 }),
});

export const TokenParams = Type.Object({
  token: Type.String({ maxLength: 40 }),
  format: Type.String({ maxLength: 8 }),
});

export const CommonQuery = Type.Object(
  { jurisdiction_id: Str(40), api_key: Str(200), extensions: Str(5) },
  { additionalProperties: true },
);

export const RequestsQuery = Type.Object(
  {
    jurisdiction_id: Str(40),
    api_key: Str(200),
    service_request_id: Str(4000),
    service_code: Str(400),
    start_date: Str(40),
    end_date: Str(40),
    status: Str(20),
    extensions: Str(5),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    updated_after: Str(40),
    updated_before: Str(40),
  },
  { additionalProperties: true },
);
export type RequestsQueryType = Static<typeof RequestsQuery>;

/** The POST body, form-encoded or JSON; attribute[CODE] and attribute[CODE][] fields come in beside these. */
export const PostRequestBody = Type.Object(
  {
    jurisdiction_id: Str(40),
    api_key: Str(200),
    service_code: Str(20),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    long: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    address_string: Str(200),
    address_id: Str(20),
    email: Str(200),
    device_id: Str(100),
    account_id: Str(100),
    first_name: Str(50),
    last_name: Str(50),
    phone: Str(30),
    description: Str(2000),
    media_url: Str(500),
  },
  { additionalProperties: true },
);
