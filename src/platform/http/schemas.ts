// Small TypeBox helpers shared by the modules' route schemas.
import { Type } from '@fastify/type-provider-typebox';

/** A union of string literals from a vocabulary array (e.g. the levels a list may have). */
export const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));

/** True when two types are the same: a schema's union checked against its vocabulary at compile time. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
