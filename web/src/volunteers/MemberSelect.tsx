// Picks a party member: those registered with the communities in view (双报到) to start with, and, for the roles
// that read the members' roll, any member of the caller's scope found by name.
import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useAbility } from '../auth/useAuth';
import { useLoader } from '../common/useLoader';
import { fetchMembers } from '../members/api';
import { fetchRegistrations } from './api';

type Option = { value: string; label: string };

export const MemberSelect = ({
  orgId,
  value,
  onChange,
  placeholder,
  testId,
}: {
  orgId: string | undefined;
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  testId?: string;
}) => {
  const canReadMembers = useAbility('member.read');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Option[]>([]);
  const [isSearching, setIsSearching] = useState(false);
  const registered = useLoader(
    (signal) => fetchRegistrations({ orgId, status: 'confirmed', limit: 500 }, signal),
    [orgId],
  );
  useEffect(() => {
    const q = query.trim();
    if (!canReadMembers || q === '') {
      setFound([]);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setIsSearching(true);
      fetchMembers({ orgId, name: q }, null, controller.signal)
        .then((page) =>
          setFound(page.items.map((m) => ({ value: m.id, label: `${m.name} · ${m.branch.name}` }))),
        )
        .catch(() => setFound([]))
        .finally(() => setIsSearching(false));
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, orgId, canReadMembers]);
  const options = useMemo(() => {
    const fromRegistrations: Option[] = (registered.data?.items ?? []).flatMap((r) =>
      r.memberId === null ? [] : [{ value: r.memberId, label: r.name }],
    );
    const q = query.trim();
    const local = fromRegistrations.filter((o) => q === '' || o.label.includes(q));
    const seen = new Set(local.map((o) => o.value));
    return [...local, ...found.filter((o) => !seen.has(o.value))];
  }, [registered.data, found, query]);
  return (
    <Select
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      value={value}
      onChange={(id: string | undefined) => onChange?.(id)}
      placeholder={placeholder}
      loading={registered.isLoading || isSearching}
      options={options}
      style={{ width: '100%' }}
    />
  );
};
