// The grid list with filters (code/name, type, net), keyset-paged.
import { useState } from 'react';
import { Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../api/useCursorList';
import { ProblemAlert } from '../common/ProblemAlert';
import { fetchGrids, netKeys, type GridFilter, type GridSummary } from './api';
import { areaText } from './labels';

export const GridList = ({ onOpen }: { onOpen: (id: string) => void }) => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [type, setType] = useState<GridFilter['type']>(undefined);
  const [net, setNet] = useState<GridFilter['net']>(undefined);
  // The search box applies on enter, the selects at once.
  const [search, setSearch] = useState<string | undefined>(undefined);
  const list = useCursorList(
    (cursor, signal) => fetchGrids({ q: search, type, net, cursor: cursor ?? undefined }, signal),
    [search, type, net],
  );

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8}>
        <Input.Search
          allowClear
          placeholder={t('grids.search')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
          }}
          onSearch={() => {
            setSearch(q.trim() === '' ? undefined : q.trim());
          }}
          style={{ maxWidth: 260 }}
        />
        <Select
          allowClear
          placeholder={t('grids.allTypes')}
          value={type}
          onChange={setType}
          style={{ minWidth: 140 }}
          options={['basic', 'dedicated'].map((v) => ({ value: v, label: t(`grids.types.${v as 'basic'}`) }))}
        />
        <Select
          allowClear
          placeholder={t('grids.allNets')}
          value={net}
          onChange={setNet}
          style={{ minWidth: 140 }}
          options={netKeys.map((v) => ({ value: v, label: t(`grids.nets.${v}`) }))}
        />
      </Flex>
      {list.error === undefined ? null : <ProblemAlert error={list.error} onRetry={list.reload} />}
      <Typography.Text type="secondary">{t('grids.total', { count: list.page?.total ?? 0 })}</Typography.Text>
      <Table<GridSummary>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 640 }}
        onRow={(row) => ({
          onClick: () => {
            onOpen(row.id);
          },
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('grids.card.code'), dataIndex: 'code', width: 150 },
          { title: t('grids.name'), dataIndex: 'name' },
          {
            title: t('grids.card.type'),
            dataIndex: 'type',
            width: 110,
            render: (v: 'basic' | 'dedicated') => (
              <Tag color={v === 'basic' ? 'blue' : 'orange'}>{t(`grids.types.${v}`)}</Tag>
            ),
          },
          { title: t('grids.card.households'), dataIndex: 'householdCount', width: 80 },
          {
            title: t('grids.card.area'),
            dataIndex: 'areaM2',
            width: 120,
            render: (v: number) => areaText(t, v),
          },
        ]}
      />
      {list.hasMore ? (
        <Button onClick={list.loadMore} loading={list.isLoadingMore}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Flex>
  );
};
