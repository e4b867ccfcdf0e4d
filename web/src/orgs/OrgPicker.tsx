// A select that searches organisations by name or code, optionally only of some levels.
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { searchOrgs } from '../api/orgs';
import type { Org } from '../api/types';
import { levelLabel } from '../common/labels';

export const OrgPicker = ({
  value,
  onChange,
  levels,
  testId,
  known,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  levels?: string[];
  testId?: string;
  /** Organisations offered before any search, so that a value set from elsewhere shows its name. */
  known?: readonly Org[];
}) => {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Org[]>([]);
  const [isLoading, setIsLoading] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setIsLoading(true);
      searchOrgs(q, 30, controller.signal)
        .then(({ items }) => {
          setOptions(
            items.filter((o) => o.status === 'active' && (levels === undefined || levels.includes(o.level))),
          );
        })
        .catch(() => setOptions([]))
        .finally(() => setIsLoading(false));
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, levels]);

  return (
    <Select
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      allowClear
      value={value}
      placeholder={t('orgSystem.ops.pickOrg')}
      loading={isLoading}
      onChange={(id: string | undefined) => onChange(id ?? null)}
      options={[...(known ?? []).filter((k) => !options.some((o) => o.id === k.id)), ...options].map((o) => ({
        value: o.id,
        label: `${o.name} · ${levelLabel(t, o.level)}${o.code === null ? '' : ` · ${o.code}`}`,
      }))}
      style={{ width: '100%' }}
    />
  );
};
