// Names of the organisations a list of materialised paths ends at, looked up once each (the numbers carry paths).
import { useEffect, useState } from 'react';
import { fetchOrg } from '../api/orgs';

export const useOrgNames = (ids: readonly string[]): Map<string, string> => {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const key = ids.join(',');
  useEffect(() => {
    const controller = new AbortController();
    const missing = ids.filter((id) => !names.has(id));
    if (missing.length === 0) {
      return;
    }
    void Promise.all(
      missing.map((id) =>
        fetchOrg(id, controller.signal).then(
          (r) => [id, r.item.name] as const,
          () => [id, id] as const,
        ),
      ),
    ).then((found) => {
      if (!controller.signal.aborted) {
        setNames((current) => new Map([...current, ...found]));
      }
    });
    return () => {
      controller.abort();
    };
    // The ids' content, not the array's identity, decides when to look up again.
  }, [key]);
  return names;
};
