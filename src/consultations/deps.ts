// What the consultation use cases are given, and the scoped look-ups they share (a record outside scope is 404).
import type { Scope } from '../access/index.js';
import type { FieldCipher } from '../platform/crypto.js';
import type { Database } from '../platform/db/database.js';
import { notFound } from '../platform/errors.js';
import type { ConsultationRepository } from './repository.js';

export type ConsultationDeps = { database: Database; cipher: FieldCipher };

export async function councilOrThrow(repo: ConsultationRepository, scope: Scope, id: string) {
  const row = await repo.findCouncil(scope, id);
  if (row === undefined) {
    throw notFound();
  }
  return row;
}

export async function meetingOrThrow(repo: ConsultationRepository, scope: Scope, id: string) {
  const row = await repo.findMeeting(scope, id);
  if (row === undefined) {
    throw notFound();
  }
  return row;
}

export async function topicOrThrow(repo: ConsultationRepository, scope: Scope, id: string) {
  const row = await repo.findTopic(scope, id);
  if (row === undefined) {
    throw notFound();
  }
  return row;
}

export async function outcomeOrThrow(repo: ConsultationRepository, scope: Scope, id: string) {
  const row = await repo.findOutcome(scope, id);
  if (row === undefined) {
    throw notFound();
  }
  return row;
}

/** The whole district: for the demo stage and public reads, which are not bound to a caller's subtree. */
export const DISTRICT_SCOPE: Scope = { path: '/' };
