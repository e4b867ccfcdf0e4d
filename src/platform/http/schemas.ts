// Small TypeBox helpers shared by the modules' route schemas.
import { Type } from '@fastify/type-provider-typebox';

/** A union of string literals from a vocabulary array (e.g. the levels a list may have). */
export const literals = <T extends string>(values: readonly T[]) =>
  Type.Union(values.map((v) => Type.Literal(v)));
