// The server's contract as the console sees it, read from schema.d.ts (generated from the server's OpenAPI document
// by `npm run gen:api`), so a wire type is never written twice.
import type { components, paths } from './schema';

export type ApiPath = keyof paths;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : undefined;

/** What a route answers on success, e.g. ApiAnswer<'/api/orgs/{id}'>. */
export type ApiAnswer<P extends ApiPath, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R } ? Json<R[Extract<keyof R, 200 | 201 | 202 | 204>]> : never;

/** The JSON body a route takes, e.g. ApiBody<'/api/members/{id}/transfer'>. */
export type ApiBody<P extends ApiPath, M extends Method = 'post'> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** The query string a route takes. */
export type ApiQuery<P extends ApiPath, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** A shared schema by its $id, e.g. ApiSchema<'Member'>. */
export type ApiSchema<N extends keyof components['schemas']> = components['schemas'][N];

/** The element type of an array type. */
export type ItemOf<A> = A extends readonly (infer T)[] ? T : never;

/**
 * A wire type with some fields narrowed to the values the console has labels for, where the server's schema says
 * only `string`; each narrowing must fit the server's type.
 */
export type Narrowed<T, F extends { [K in keyof F]: K extends keyof T ? T[K] : never }> = Omit<T, keyof F> &
  F;
