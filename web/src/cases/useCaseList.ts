// Keyset-paged case list: the first page on every filter change, further pages appended on demand.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../api/client';
import { fetchCases, type CaseFilter, type CaseSummary } from './api';

export type CaseList = {
  items: CaseSummary[];
  hasMore: boolean;
  isLoading: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
};

export const useCaseList = (filter: CaseFilter): CaseList => {
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const key = JSON.stringify(filter);

  const load = useCallback(
    (after: string | null) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setIsLoading(true);
      setError(undefined);
      fetchCases(JSON.parse(key) as CaseFilter, after, current.signal).then(
        (page) => {
          setItems((previous) => (after === null ? page.items : [...previous, ...page.items]));
          setCursor(page.nextCursor);
          setIsLoading(false);
        },
        (failure: unknown) => {
          if (!isAbortError(failure)) {
            setError(failure);
            setIsLoading(false);
          }
        },
      );
    },
    [key],
  );

  useEffect(() => {
    setItems([]);
    setCursor(null);
    load(null);
    return () => {
      controller.current?.abort();
    };
  }, [load, attempt]);

  return {
    items,
    hasMore: cursor !== null,
    isLoading,
    error,
    loadMore: () => {
      if (cursor !== null) {
        load(cursor);
      }
    },
    reload: () => setAttempt((n) => n + 1),
  };
};
