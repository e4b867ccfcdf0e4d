// The communities one may register with or publish in, loaded once per page, and their names by id.
import { useMemo } from 'react';
import { useLoader } from '../common/useLoader';
import { fetchCommunities, type Community } from './api';

export type Communities = {
  items: Community[];
  nameOf: (id: string) => string;
  options: { value: string; label: string }[];
};

export const useCommunities = (): Communities => {
  const { data } = useLoader((signal) => fetchCommunities(signal), []);
  return useMemo(() => {
    const items = data?.items ?? [];
    const names = new Map(items.map((c) => [c.id, c.name]));
    return {
      items,
      nameOf: (id: string) => names.get(id) ?? id,
      options: items.map((c) => ({ value: c.id, label: `${c.name} · ${c.townName}` })),
    };
  }, [data]);
};
