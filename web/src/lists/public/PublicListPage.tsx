// One published list for residents: its items in force, by kind, each opening its process chart.
import { useMemo, useState } from 'react';
import { Button, Card, Empty, Flex, Input, Segmented, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { PublicLayout } from '../../report/PublicLayout';
import { fetchPublicList, itemKinds, publicPaths, type ItemKind, type ListItem } from '../api';
import { kindLabel, listLevelLabel } from '../labels';
import { PublicItemCard } from './PublicItemCard';
import { PublicItemDrawer } from './PublicItemDrawer';

export const PublicListPage = () => {
  const { t } = useTranslation();
  const { ownerOrgId = '', level = '' } = useParams<{ ownerOrgId: string; level: string }>();
  const [kind, setKind] = useState<ItemKind | null>(null);
  const [text, setText] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchPublicList(ownerOrgId, level, signal),
    [ownerOrgId, level],
  );
  const items = useMemo(() => data?.items ?? [], [data]);
  const kinds = itemKinds.filter((k) => items.some((i) => i.kind === k));
  const shownKind = kind !== null && kinds.includes(kind) ? kind : kinds[0];
  const rows = items.filter(
    (i: ListItem) =>
      i.kind === shownKind &&
      (text.trim() === '' || i.title.includes(text.trim()) || i.responsible.includes(text.trim())),
  );
  return (
    <PublicLayout>
      <Flex vertical gap={12}>
        <div>
          <Link to={publicPaths.home}>
            <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
              {t('lists.public.back')}
            </Button>
          </Link>
        </div>
        {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
        <Spin spinning={isLoading}>
          <Card>
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="public-list-title">
              {data === undefined
                ? t('lists.public.title')
                : t('lists.public.listName', { owner: data.ownerName, level: listLevelLabel(t, data.level) })}
            </Typography.Title>
            {kinds.length === 0 ? (
              isLoading ? null : (
                <Empty description={t('lists.list.empty')} />
              )
            ) : (
              <Flex vertical gap={8}>
                <Segmented<ItemKind>
                  block
                  value={shownKind}
                  onChange={setKind}
                  options={kinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
                />
                <Input.Search
                  allowClear
                  placeholder={t('lists.public.searchPlaceholder')}
                  aria-label={t('lists.public.searchPlaceholder')}
                  onChange={(e) => setText(e.target.value)}
                />
              </Flex>
            )}
          </Card>
        </Spin>
        {rows.map((i) => (
          <PublicItemCard key={i.id} item={i} onOpen={() => setOpenId(i.id)} />
        ))}
      </Flex>
      <PublicItemDrawer item={items.find((i) => i.id === openId)} onClose={() => setOpenId(null)} />
    </PublicLayout>
  );
};
