// Loads data for a component, cancels stale requests and offers a reload.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { isAbortError } from '../api/client';

export type Loaded<T> = { data: T | undefined; error: unknown; isLoading: boolean; reload: () => void };

export const useLoader = <T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Loaded<T> => {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [isLoading, setIsLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setIsLoading(true);
    setError(undefined);
    loadRef.current(controller.signal).then(
      (result) => {
        setData(result);
        setIsLoading(false);
      },
      (failure: unknown) => {
        if (isAbortError(failure)) {
          return;
        }
        setError(failure);
        setIsLoading(false);
      },
    );
    return () => {
      controller.abort();
    };
    // The caller's deps decide when to load again.
  }, [...deps, attempt]);

  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  return { data, error, isLoading, reload };
};
