// One of the three lists of an alliance, newest first, with a status filter; a title opens the item's drawer, and an
// item its member (or the convener) may withdraw is withdrawn from its row.
import { useState, type HTMLAttributes } from 'react';
import type { TFunction } from 'i18next';
import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { fetchItems, itemStatuses, type Item, type ItemStatus, type ListName } from './api';
import { formatDate, kindLabel, sourceLabel, statusColour, statusLabel } from './labels';
import { WithdrawItemDialog } from './MatchDialogs';

const ALL = 'all';

/** The dates an item names, as text: when a demand is needed by, when an offer is available. */
export const itemDates = (
  t: TFunction,
  item: Pick<Item, 'list' | 'neededBy' | 'availableFrom' | 'availableTo'>,
  locale: string,
): string => {
  const none = t('common.none');
  if (item.list === 'demand') {
    return item.neededBy === null ? none : formatDate(item.neededBy, locale);
  }
  if (item.availableFrom === null && item.availableTo === null) {
    return none;
  }
  return t('alliance.items.range', {
    from: item.availableFrom === null ? none : formatDate(item.availableFrom, locale),
    to: item.availableTo === null ? none : formatDate(item.availableTo, locale),
  });
};

export const ItemsTable = ({
  allianceId,
  list,
  version,
  onOpen,
  onChanged,
}: {
  allianceId: string;
  list: ListName;
  /** Changes when an item was posted or changed elsewhere, to load again. */
  version: number;
  onOpen: (itemId: string) => void;
  /** An item was withdrawn here: the lists and numbers change. */
  onChanged: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [status, setStatus] = useState<ItemStatus | typeof ALL>(ALL);
  const [withdrawing, setWithdrawing] = useState<Item | null>(null);
  const canWrite = useAbility('alliance.write');
  const { data, error, isLoading, reload } = useLoader(
    (signal) =>
      fetchItems(allianceId, { list, status: status === ALL ? undefined : status, limit: 200 }, signal),
    [allianceId, list, status, version],
  );
  const items = data?.items ?? [];
  const canWithdrawAny = canWrite && items.some((i) => i.abilities.withdraw);
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Select<ItemStatus | typeof ALL>
          value={status}
          onChange={setStatus}
          style={{ width: 160 }}
          aria-label={t('alliance.items.status')}
          data-testid="items-status"
          options={[
            { value: ALL, label: t('alliance.items.allStatuses') },
            ...itemStatuses.map((s) => ({ value: s, label: statusLabel(t, s) })),
          ]}
        />
        <Typography.Text type="secondary">{t('common.total', { count: items.length })}</Typography.Text>
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      <Table<Item>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('alliance.items.empty') }}
        data-testid={`items-${list}`}
        scroll={{ x: 800 }}
        onRow={(i) => ({ 'data-testid': 'item-row', 'data-item-id': i.id }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('alliance.items.title'),
            dataIndex: 'title',
            render: (_: unknown, i) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(i.id)} data-testid="item-open">
                {i.title}
              </Button>
            ),
          },
          {
            title: t('alliance.items.kind'),
            dataIndex: 'kind',
            width: 90,
            render: (v: string) => kindLabel(t, v),
          },
          { title: t('alliance.items.owner'), dataIndex: 'ownerName', width: 180 },
          {
            title: t('alliance.items.quantity'),
            dataIndex: 'quantity',
            width: 80,
            align: 'right',
            render: (v: number | null) => v ?? t('common.none'),
          },
          {
            title: list === 'demand' ? t('alliance.items.neededBy') : t('alliance.items.available'),
            key: 'dates',
            width: list === 'demand' ? 120 : 220,
            render: (_: unknown, i) => itemDates(t, i, locale),
          },
          ...(list === 'demand'
            ? [
                {
                  title: t('alliance.items.source'),
                  dataIndex: 'source',
                  width: 110,
                  render: (v: string) => sourceLabel(t, v),
                },
              ]
            : []),
          {
            title: t('alliance.items.status'),
            dataIndex: 'status',
            width: 100,
            render: (v: string) => (
              <Tag color={statusColour(v)} data-testid="item-status">
                {statusLabel(t, v)}
              </Tag>
            ),
          },
          ...(canWithdrawAny
            ? [
                {
                  title: t('alliance.items.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, i: Item) =>
                    i.abilities.withdraw ? (
                      <Button
                        size="small"
                        danger
                        onClick={() => setWithdrawing(i)}
                        data-testid="item-withdraw"
                      >
                        {t('alliance.items.withdraw')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {withdrawing === null ? null : (
        <WithdrawItemDialog
          allianceId={allianceId}
          item={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={() => {
            setWithdrawing(null);
            onChanged();
          }}
        />
      )}
    </Flex>
  );
};
