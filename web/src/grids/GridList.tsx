// The grid list with filters (code/name, type, net), keyset-paged.
import { useEffect, useState } from 'react';
import { Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { fetchGrids, netKeys, type GridSummary } from './api';
import { areaText } from './labels';

export const GridList = ({ onOpen }: { onOpen: (id: string) => void }) => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [type, setType] = useState<string | undefined>(undefined);
  const [net, setNet] = useState<string | undefined>(undefined);
  const [items, setItems] = useState<GridSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [isLoading, setIsLoading] = useState(false);

  const load = (after: string | null, signal?: AbortSignal) => {
    setIsLoading(true);
    fetchGrids({ q: q.trim() === '' ? undefined : q.trim(), type, net, cursor: after }, signal).then(
      (page) => {
        setItems((old) => (after === null ? page.items : [...old, ...page.items]));
        setCursor(page.nextCursor);
        setTotal(page.total);
        setError(undefined);
        setIsLoading(false);
      },
      (e: unknown) => {
        if (!(e instanceof DOMException)) {
          setError(e);
          setIsLoading(false);
        }
      },
    );
  };
  useEffect(() => {
    const controller = new AbortController();
    load(null, controller.signal);
    return () => {
      controller.abort();
    };
    // Reload when a filter changes; the search box applies on enter.
  }, [type, net]);

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
            load(null);
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
      {error === undefined ? null : <ProblemAlert error={error} />}
      <Typography.Text type="secondary">{t('grids.total', { count: total })}</Typography.Text>
      <Table<GridSummary>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={items}
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
      {cursor === null ? null : (
        <Button
          onClick={() => {
            load(cursor);
          }}
          loading={isLoading}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
};
