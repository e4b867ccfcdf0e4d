// Keyset-paged case list: the first page on every filter change, further pages appended on demand.
import { useCursorList } from '../api/useCursorList';
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
  const list = useCursorList(
    (cursor, signal) => fetchCases(filter, cursor, signal),
    [JSON.stringify(filter)],
  );
  return { ...list, isLoading: list.isLoading || list.isLoadingMore };
};
