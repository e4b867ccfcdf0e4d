// Named reads for modules that suggest experts for a consultation topic (the talent pool): a topic in the caller's
// scope, with its title and body; and the topics in the scope still before their decision.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { subtreeUpper, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { consultationRepository, type TopicRow } from './repository.js';

export type TopicForMatching = {
  id: string;
  title: string;
  body: string;
  orgPath: string;
  status: string;
  createdAt: number;
};

/** Topics an expert can still help deliberate: taken up, approved, on a meeting's agenda. */
const OPEN_FOR_EXPERTS = ['submitted', 'approved', 'scheduled'];

const toMatching = (topic: TopicRow): TopicForMatching => ({
  id: topic.id,
  title: topic.title,
  body: topic.body,
  orgPath: topic.org_path,
  status: topic.status,
  createdAt: topic.created_at,
});

export async function consultationTopicForMatching(
  db: Kysely<DB>,
  dialect: Dialect,
  scope: Scope,
  id: string,
): Promise<TopicForMatching | undefined> {
  const topic = await consultationRepository(db, dialect).findTopic(scope, id);
  return topic === undefined ? undefined : toMatching(topic);
}

/**
 * The topics in the caller's scope before their decision, newest first. Its own query rather than the repository's
 * per-council list, so a district-wide look is one indexed range instead of a query per council.
 */
export async function consultationTopicsForMatching(
  db: Kysely<DB>,
  scope: Scope,
  limit: number,
): Promise<TopicForMatching[]> {
  const rows = await db
    .selectFrom('consultation_topic')
    .selectAll()
    .where('org_path', '>=', scope.path)
    .where('org_path', '<', subtreeUpper(scope.path))
    .where('status', 'in', OPEN_FOR_EXPERTS)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toMatching);
}
