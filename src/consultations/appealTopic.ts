// An appeal the linkage chain could not settle becomes a topic of the council of the village (or town) it reached:
// it goes to the branch for review at once, says it came from a central household's appeal (never the household,
// nor the appeal's tracking code: that code is the household's key to its own appeal), and is answered with the
// topic and its council; the appeal keeps the link. Runs in the caller's transaction.
import type { Kysely } from 'kysely';
import { maskPersonalText } from '../cases/index.js';
import type { Database } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { submittedTopic } from './openTopic.js';
import { consultationRepository } from './repository.js';

export type AppealTopicInput = {
  /** The organisation (village or town) whose council takes the topic. */
  orgId: string;
  title: string;
  body: string;
  /** The account that turned the appeal into a topic (none for the demo's history). */
  proposerUserId: string | null;
};

export async function proposeAppealTopic(
  trx: Kysely<DB>,
  database: Pick<Database, 'dialect'>,
  now: number,
  input: AppealTopicInput,
): Promise<{ topicId: string; councilId: string } | null> {
  const repo = consultationRepository(trx, database.dialect);
  const council = await repo.councilOfOrg(input.orgId);
  if (council === undefined) {
    return null;
  }
  const row = submittedTopic(council, now, {
    title: maskPersonalText(input.title.trim()),
    body: maskPersonalText(`${input.body.trim()}\n（由党员中心户诉求转为议题）`),
    source: 'appeal',
    proposerUserId: input.proposerUserId,
    proposerPublic: '党员中心户诉求',
  });
  await repo.insertTopic(row);
  return { topicId: row.id, councilId: council.id };
}
