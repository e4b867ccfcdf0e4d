// The door of the public lists: "which office handles my matter, and in how long", and every published list.
import { useState } from 'react';
import { Card, Empty, Flex, Input, List, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { PublicLayout } from '../../report/PublicLayout';
import { fetchPublicLists, publicPaths, searchPublicItems, type ListItem } from '../api';
import { listLevelLabel } from '../labels';
import { PublicItemCard } from './PublicItemCard';
import { PublicItemDrawer } from './PublicItemDrawer';

export const GuidePage = () => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<ListItem | undefined>(undefined);
  const lists = useLoader((signal) => fetchPublicLists(signal), []);
  const found = useLoader(
    (signal) => (q === '' ? Promise.resolve(undefined) : searchPublicItems(q, signal)),
    [q],
  );
  const hits = found.data?.items ?? [];
  return (
    <PublicLayout>
      <Flex vertical gap={12}>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('lists.public.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('lists.public.subtitle')}</Typography.Paragraph>
          <Typography.Title level={5}>{t('lists.public.searchTitle')}</Typography.Title>
          <Input.Search
            size="large"
            allowClear
            enterButton={t('lists.public.searchButton')}
            placeholder={t('lists.public.searchPlaceholder')}
            aria-label={t('lists.public.searchPlaceholder')}
            maxLength={50}
            onSearch={(v) => setQ(v.trim())}
            data-testid="public-search"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('lists.public.searchHint')}
          </Typography.Text>
        </Card>
        {q === '' ? null : (
          <Spin spinning={found.isLoading}>
            <Flex vertical gap={8} data-testid="public-results">
              {found.error === undefined ? null : <ProblemAlert error={found.error} onRetry={found.reload} />}
              {found.isLoading ? null : (
                <Typography.Text type="secondary">
                  {hits.length === 0
                    ? t('lists.public.noResults')
                    : t('lists.public.results', { count: hits.length })}
                </Typography.Text>
              )}
              {hits.map((i) => (
                <PublicItemCard key={i.id} item={i} onOpen={() => setOpen(i)} />
              ))}
            </Flex>
          </Spin>
        )}
        <Card title={t('lists.public.published')} size="small">
          {lists.error === undefined ? null : <ProblemAlert error={lists.error} onRetry={lists.reload} />}
          <Spin spinning={lists.isLoading}>
            <List
              dataSource={lists.data?.items ?? []}
              locale={{ emptyText: <Empty description={t('lists.public.noLists')} /> }}
              renderItem={(r) => (
                <List.Item extra={<Tag>{listLevelLabel(t, r.level)}</Tag>}>
                  <Link to={publicPaths.list(r.ownerOrgId, r.level)} data-testid="public-list-link">
                    {t('lists.public.listName', { owner: r.ownerName, level: listLevelLabel(t, r.level) })}
                  </Link>
                </List.Item>
              )}
            />
          </Spin>
        </Card>
      </Flex>
      <PublicItemDrawer item={open} onClose={() => setOpen(undefined)} />
    </PublicLayout>
  );
};
