// A named read for the linkage's household record: the consultation topics a household's appeals became, by id,
// with no more than a title, a state and dates, and the public page of the council where a resident can follow one.
import type { Kysely } from 'kysely';
import type { Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { consultationRepository, PUBLIC_TOPIC_STATES } from './repository.js';

export type TopicSummary = {
  id: string;
  title: string;
  status: string;
  createdAt: number;
  updatedAt: number;
  /** The council's public page, while the topic shows there; null before the branch has taken it up. */
  link: string | null;
};

/**
 * The named topics, newest first. Unscoped on purpose: the caller holds the ids of topics its own records became and
 * shows them to a reader it has already limited (a central-household head and his own households).
 */
export async function topicSummariesByIds(
  db: Kysely<DB>,
  dialect: Dialect,
  ids: readonly string[],
): Promise<TopicSummary[]> {
  const rows = await consultationRepository(db, dialect).topicsByIds([...new Set(ids)]);
  return rows
    .map((t) => ({
      id: t.id,
      title: t.title,
      status: t.status,
      createdAt: t.created_at,
      updatedAt: t.updated_at,
      link: PUBLIC_TOPIC_STATES.includes(t.status) ? `/consult/${encodeURIComponent(t.council_id)}` : null,
    }))
    .sort((a, b) => b.createdAt - a.createdAt);
}
