// Keyset-paged lists (`?cursor=` → `nextCursor`): the first page whenever deps change, further pages appended on demand.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { isAbortError } from './client';
import type { ItemOf } from './wire';

export type CursorPage = { items: readonly unknown[]; nextCursor: string | null };

export type CursorList<P extends CursorPage> = {
  items: ItemOf<P['items']>[];
  /** The last page answered, for what a list sends beside its items (a total, an unread count). */
  page: P | undefined;
  hasMore: boolean;
  /** True while the first page loads (the list is empty until it answers). */
  isLoading: boolean;
  /** True while a further page loads. */
  isLoadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
};

/** fetchPage gets the cursor (null for the first page); stale requests are aborted. */
export const useCursorList = <P extends CursorPage>(
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<P>,
  deps: DependencyList,
): CursorList<P> => {
  const [items, setItems] = useState<ItemOf<P['items']>[]>([]);
  const [page, setPage] = useState<P | undefined>(undefined);
  const [loading, setLoading] = useState<'first' | 'more' | null>('first');
  const [error, setError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback((cursor: string | null) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setLoading(cursor === null ? 'first' : 'more');
    setError(undefined);
    fetchRef.current(cursor, current.signal).then(
      (answer) => {
        const fresh = answer.items as ItemOf<P['items']>[];
        setItems((previous) => (cursor === null ? fresh : [...previous, ...fresh]));
        setPage(answer);
        setLoading(null);
      },
      (failure: unknown) => {
        if (!isAbortError(failure)) {
          setError(failure);
          setLoading(null);
        }
      },
    );
  }, []);

  useEffect(() => {
    setItems([]);
    setPage(undefined);
    load(null);
    return () => {
      controller.current?.abort();
    };
    // The caller's deps decide when to start from the first page again.
  }, [...deps, attempt]);

  const nextCursor = page?.nextCursor ?? null;
  return {
    items,
    page,
    hasMore: nextCursor !== null,
    isLoading: loading === 'first',
    isLoadingMore: loading === 'more',
    error,
    loadMore: () => {
      if (nextCursor !== null && loading === null) {
        load(nextCursor);
      }
    },
    reload: () => setAttempt((n) => n + 1),
  };
};
