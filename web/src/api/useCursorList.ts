// Keyset-paged lists (`?cursor=` → `nextCursor`): the first page whenever deps change, further pages appended on demand,
// and a quiet refresh of the first page for a list that must show what arrived since (a work queue).
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
  /**
   * Ask for the first page again without emptying the list (nothing happens while a page loads): with only the first
   * page shown it is replaced; after further pages, the answer's items already shown are updated in place and the new
   * ones put on top (needs keyOf). A failure leaves the list as it was.
   */
  refresh: () => void;
};

/** Merge a fresh first page into the items shown after further pages: known keys updated, new ones on top. */
export const mergeFirstPage = <T>(
  shown: readonly T[],
  fresh: readonly T[],
  keyOf: (item: T) => string,
): T[] => {
  const freshByKey = new Map(fresh.map((item) => [keyOf(item), item]));
  const shownKeys = new Set(shown.map(keyOf));
  return [
    ...fresh.filter((item) => !shownKeys.has(keyOf(item))),
    ...shown.map((item) => freshByKey.get(keyOf(item)) ?? item),
  ];
};

/** fetchPage gets the cursor (null for the first page); stale requests are aborted. */
export const useCursorList = <P extends CursorPage>(
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<P>,
  deps: DependencyList,
  keyOf?: (item: NoInfer<ItemOf<P['items']>>) => string,
): CursorList<P> => {
  const [items, setItems] = useState<ItemOf<P['items']>[]>([]);
  const [page, setPage] = useState<P | undefined>(undefined);
  const [loading, setLoadingState] = useState<'first' | 'more' | null>('first');
  const [error, setError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyRef = useRef(keyOf);
  keyRef.current = keyOf;
  // What a refresh must know at the moment it is asked: whether a page loads, and how many pages are shown.
  const loadingRef = useRef<'first' | 'more' | null>('first');
  const pagesShown = useRef(0);
  const setLoading = (value: 'first' | 'more' | null) => {
    loadingRef.current = value;
    setLoadingState(value);
  };

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
        pagesShown.current = cursor === null ? 1 : pagesShown.current + 1;
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

  const refresh = useCallback(() => {
    const key = keyRef.current;
    const isMerge = pagesShown.current > 1;
    if (loadingRef.current !== null || pagesShown.current === 0 || (isMerge && key === undefined)) {
      return;
    }
    // Shares the list's controller: a load started meanwhile (a new filter) aborts it, so it never answers late.
    const current = new AbortController();
    controller.current = current;
    fetchRef.current(null, current.signal).then(
      (answer) => {
        if (controller.current !== current) {
          return;
        }
        const fresh = answer.items as ItemOf<P['items']>[];
        if (isMerge && key !== undefined) {
          setItems((previous) => mergeFirstPage(previous, fresh, key));
        } else {
          setItems(fresh);
          setPage(answer);
        }
        setError(undefined);
      },
      () => undefined,
    );
  }, []);

  useEffect(() => {
    setItems([]);
    setPage(undefined);
    pagesShown.current = 0;
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
    refresh,
  };
};
