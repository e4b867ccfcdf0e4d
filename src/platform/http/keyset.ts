// Keyset paging of a list route (`?cursor=` → `nextCursor`): the cursor is the last row's key, opaque to clients.

/** The key a cursor carries, or undefined for the first page. */
export const keyAfter = (cursor: string | undefined): string | undefined =>
  cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString();

/**
 * A page of `limit` rows from `limit + 1` read (the extra row only tells that more follow), with the cursor of the
 * next page or null.
 */
export function keysetPage<R extends { id: string }>(
  rows: readonly R[],
  limit: number,
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor: rows.length > limit && last !== undefined ? Buffer.from(last.id).toString('base64url') : null,
  };
}
