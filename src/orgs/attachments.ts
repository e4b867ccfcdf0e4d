// Records of other modules hang on organisations by id and path, and must follow when an org moves or merges. The
// owning modules register hooks here through orgs/index.ts (src/modules.ts wires them at start-up); orgs never
// imports its subscribers, so the arrows point one way.
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';

/** A subtree moved: every attached path under oldPrefix now starts with newPrefix. */
export type OrgRepath = { oldPrefix: string; newPrefix: string; now: number };

/** An org now hangs under a new parent (after its subtree was re-pathed). */
export type OrgReparent = {
  org: { id: string; level: string };
  parent: { id: string; level: string };
  at: number;
  actorId: string | null;
};

/** An org merged into another (its children already moved): records attached to it directly go to the target. */
export type OrgMerge = {
  from: { id: string; path: string; level: string };
  to: { id: string; path: string; parent_id: string | null };
  at: number;
  actorId: string | null;
};

/** Runs inside the org operation's transaction (db is that transaction). */
export type OrgHook<E> = (db: Kysely<DB>, dialect: Dialect, event: E) => Promise<void>;

type Registered<E> = { name: string; fn: OrgHook<E> }[];

const repathHooks: Registered<OrgRepath> = [];
const reparentHooks: Registered<OrgReparent> = [];
const mergeHooks: Registered<OrgMerge> = [];

function register<E>(list: Registered<E>, name: string, fn: OrgHook<E>): void {
  const at = list.findIndex((h) => h.name === name);
  if (at === -1) {
    list.push({ name, fn });
  } else {
    list[at] = { name, fn };
  }
}

/** Registers (or replaces, by name) a hook run when a subtree's paths change. */
export function onOrgRepath(name: string, fn: OrgHook<OrgRepath>): void {
  register(repathHooks, name, fn);
}

/** Registers (or replaces, by name) a hook run when an org gets a new parent. */
export function onOrgReparented(name: string, fn: OrgHook<OrgReparent>): void {
  register(reparentHooks, name, fn);
}

/** Registers (or replaces, by name) a hook run when an org is merged into another. */
export function onOrgsMerged(name: string, fn: OrgHook<OrgMerge>): void {
  register(mergeHooks, name, fn);
}

/** The names of the registered hooks, for start-up checks and tests. */
export function orgHookNames(): { repath: string[]; reparent: string[]; merged: string[] } {
  const names = <E>(list: Registered<E>) => list.map((h) => h.name);
  return { repath: names(repathHooks), reparent: names(reparentHooks), merged: names(mergeHooks) };
}

// Moving or merging with nobody listening would leave other modules' paths stale without a sound; refuse instead.
function requireWired(): void {
  if (repathHooks.length === 0 || mergeHooks.length === 0) {
    throw new Error('organisation hooks are not registered: load src/modules.ts before changing the tree');
  }
}

async function runAll<E>(list: Registered<E>, db: Kysely<DB>, dialect: Dialect, event: E): Promise<void> {
  for (const hook of list) {
    await hook.fn(db, dialect, event);
  }
}

/** A subtree moved: every registered module rewrites its attached paths under oldPrefix. */
export async function repathAttached(
  db: Kysely<DB>,
  dialect: Dialect,
  oldPrefix: string,
  newPrefix: string,
  now: number,
): Promise<void> {
  requireWired();
  await runAll(repathHooks, db, dialect, { oldPrefix, newPrefix, now });
}

/** An org now hangs under a new parent: memberships that depend on the parent follow (a party group's members). */
export async function followParent(
  db: Kysely<DB>,
  dialect: Dialect,
  org: { id: string; level: string },
  parent: { id: string; level: string },
  at: number,
  actorId: string | null,
): Promise<void> {
  await runAll(reparentHooks, db, dialect, { org, parent, at, actorId });
}

/** An org merged into another (its children already moved): records attached to it directly go to the target. */
export async function reassignAttached(
  db: Kysely<DB>,
  dialect: Dialect,
  from: { id: string; path: string; level: string },
  to: { id: string; path: string; parent_id: string | null },
  at: number,
  actorId: string | null,
): Promise<void> {
  requireWired();
  await runAll(mergeHooks, db, dialect, { from, to, at, actorId });
}
