// Named reads for modules that suggest people for a volunteer post (the talent pool): a post in the caller's scope,
// with the skills it asks for; and the open posts in the scope.
import type { Kysely } from 'kysely';
import type { Scope } from '../access/index.js';
import { fromDbJson, type Dialect } from '../platform/db/database.js';
import type { DB } from '../platform/db/schema.js';
import { volunteerRepository, type PostRow } from './repository.js';

export type PostForMatching = {
  id: string;
  category: string;
  title: string;
  description: string;
  skills: string[];
  orgPath: string;
  status: string;
  createdAt: number;
};

const toMatching = (post: PostRow): PostForMatching => ({
  id: post.id,
  category: post.category,
  title: post.title,
  description: post.description,
  skills: fromDbJson<string[]>(post.skills) ?? [],
  orgPath: post.org_path,
  status: post.status,
  createdAt: post.created_at,
});

export async function volunteerPostForMatching(
  db: Kysely<DB>,
  dialect: Dialect,
  scope: Scope,
  id: string,
): Promise<PostForMatching | undefined> {
  const post = await volunteerRepository(db, dialect).findPost(scope, id);
  if (post === undefined) {
    return undefined;
  }
  return toMatching(post);
}

/** The open posts in the caller's scope, newest first. */
export async function volunteerPostsForMatching(
  db: Kysely<DB>,
  dialect: Dialect,
  scope: Scope,
  limit: number,
): Promise<PostForMatching[]> {
  const rows = await volunteerRepository(db, dialect).listPosts({
    underPath: scope.path,
    status: 'open',
    limit,
  });
  return rows.map(toMatching);
}
