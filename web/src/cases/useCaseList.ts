// Keyset-paged case list: the first page on every filter change, further pages appended on demand, and the first page
// asked again every few seconds while the tab is visible, so a task given to the caller shows up without a reload.
import { useCursorList } from '../api/useCursorList';
import { useVisiblePolling } from '../common/useVisiblePolling';
import { fetchCases, type CaseFilter, type CaseSummary } from './api';

export type CaseList = {
  items: CaseSummary[];
  hasMore: boolean;
  isLoading: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
};

const keyOf = (c: CaseSummary) => c.id;

export const useCaseList = (filter: CaseFilter): CaseList => {
  const list = useCursorList(
    (cursor: string | null, signal: AbortSignal) => fetchCases(filter, cursor, signal),
    [JSON.stringify(filter)],
    keyOf,
  );
  useVisiblePolling(list.refresh);
  return { ...list, isLoading: list.isLoading || list.isLoadingMore };
};
