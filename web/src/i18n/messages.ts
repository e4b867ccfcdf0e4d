// The shape every language's messages must have: the Chinese messages with each text widened to string.
import type { zh } from './zh';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type Messages = Widen<typeof zh>;
