// Search box for organisations by name or code; picking a result opens it.
import { useEffect, useState } from 'react';
import { AutoComplete, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { searchOrgs } from '../api/orgs';
import { isAbortError } from '../api/client';
import type { Org } from '../api/types';
import { OrgLevelTag } from '../common/OrgLevelTag';
import { problemText } from '../common/problemText';

const debounceMs = 250;

export const OrgSearch = ({ onPick }: { onPick: (id: string) => void }) => {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Org[]>([]);
  const [isSearching, setIsSearching] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setResults([]);
      setFailure(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setIsSearching(true);
      searchOrgs(q, 20, controller.signal).then(
        ({ items }) => {
          setResults(items);
          setFailure(null);
          setIsSearching(false);
        },
        (error: unknown) => {
          if (isAbortError(error)) {
            return;
          }
          setResults([]);
          setFailure(problemText(error, t).title);
          setIsSearching(false);
        },
      );
    }, debounceMs);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, t]);

  const isEmpty = query.trim() !== '' && !isSearching && results.length === 0;

  return (
    <div data-testid="org-search">
      <AutoComplete
        value={query}
        onChange={(value: string) => setQuery(value)}
        onSelect={(id: string) => {
          setQuery('');
          onPick(id);
        }}
        options={results.map((org) => ({
          value: org.id,
          label: (
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text ellipsis>{org.name}</Typography.Text>
              <Flex gap={6} align="center" style={{ flex: 'none' }}>
                {org.code === null ? null : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {org.code}
                  </Typography.Text>
                )}
                <OrgLevelTag level={org.level} />
              </Flex>
            </Flex>
          ),
        }))}
        notFoundContent={failure ?? (isEmpty ? t('orgs.searchEmpty') : null)}
        style={{ width: '100%' }}
        popupMatchSelectWidth
      >
        <Input.Search
          allowClear
          loading={isSearching}
          placeholder={t('orgs.searchPlaceholder')}
          aria-label={t('orgs.searchPlaceholder')}
        />
      </AutoComplete>
    </div>
  );
};
