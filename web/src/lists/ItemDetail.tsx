// One list item as staff and residents read it: the process chart from its steps, basis, documents, limit and
// who is responsible.
import { Descriptions, Empty, Flex, List, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListItem } from './api';
import {
  formatDate,
  governanceLabel,
  itemStatusColour,
  itemStatusLabel,
  kindColour,
  kindLabel,
  limitLabel,
  sourceColour,
  sourceLabel,
} from './labels';

export const StatusTag = ({ item }: { item: Pick<ListItem, 'status' | 'expiresAt'> }) => {
  const { t, i18n } = useTranslation();
  return (
    <Tag color={itemStatusColour(item.status)} data-testid="item-status">
      {itemStatusLabel(t, item.status)}
      {item.status === 'temporary' && item.expiresAt !== null
        ? ` · ${t('lists.list.expiresOn', { date: formatDate(item.expiresAt, i18n.language) })}`
        : null}
    </Tag>
  );
};

export const ItemDetail = ({ item, isStaff }: { item: ListItem; isStaff: boolean }) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} data-testid="item-detail">
      <Flex gap={8} wrap align="center">
        <Tag color={kindColour(item.kind)}>{kindLabel(t, item.kind)}</Tag>
        <StatusTag item={item} />
        {isStaff ? <Tag color={sourceColour(item.source)}>{sourceLabel(t, item.source)}</Tag> : null}
        <Typography.Text type="secondary">{item.code}</Typography.Text>
      </Flex>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          {
            key: 'responsible',
            label: t('lists.list.responsible'),
            children: item.responsible || t('common.none'),
          },
          { key: 'limit', label: t('lists.list.timeLimit'), children: limitLabel(t, item.timeLimit) },
          {
            key: 'governance',
            label: t('lists.list.governance'),
            children: governanceLabel(t, item.governance),
          },
          ...(isStaff && item.categoryCode !== null
            ? [{ key: 'category', label: t('lists.item.categoryCode'), children: item.categoryCode }]
            : []),
          ...(isStaff && item.taskCode !== null
            ? [{ key: 'task', label: t('lists.item.taskCode'), children: item.taskCode }]
            : []),
          ...(isStaff ? [{ key: 'refusals', label: t('lists.list.refusals'), children: item.refusals }] : []),
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('lists.item.process')}</Typography.Title>
        {item.steps.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lists.item.noSteps')} />
        ) : (
          <Steps
            orientation="vertical"
            size="small"
            data-testid="item-steps"
            items={item.steps.map((s) => ({ title: s, status: 'process' as const }))}
          />
        )}
      </div>
      <div>
        <Typography.Title level={5}>{t('lists.item.basis')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {item.basis === '' ? t('lists.item.noBasis') : item.basis}
        </Typography.Paragraph>
      </div>
      <div>
        <Typography.Title level={5}>{t('lists.item.documents')}</Typography.Title>
        {item.documents.length === 0 ? (
          <Typography.Text type="secondary">{t('lists.item.noDocuments')}</Typography.Text>
        ) : (
          <List
            size="small"
            bordered
            dataSource={item.documents}
            renderItem={(d) => <List.Item>{d}</List.Item>}
          />
        )}
      </div>
      {isStaff ? (
        <Typography.Text type="secondary">
          {t(
            `lists.item.sourceHint.${item.source === 'catalogue' || item.source === 'routing' ? item.source : 'list'}`,
          )}
        </Typography.Text>
      ) : null}
    </Flex>
  );
};
