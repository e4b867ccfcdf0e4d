// One item as a resident meets it in a list or a search: who handles it and in how long; a tap opens the process.
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListItem } from '../api';
import { kindColour, kindLabel, limitLabel } from '../labels';

export const PublicItemCard = ({ item, onOpen }: { item: ListItem; onOpen: () => void }) => {
  const { t } = useTranslation();
  return (
    <Card size="small" hoverable onClick={onOpen} data-testid="public-item">
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Text strong data-testid="public-item-title">
            {item.title}
          </Typography.Text>
          <Tag color={kindColour(item.kind)} style={{ marginInlineEnd: 0 }}>
            {kindLabel(t, item.kind)}
          </Tag>
        </Flex>
        <Typography.Text type="secondary">
          {t('lists.public.handledBy', { name: item.responsible || t('common.none') })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('lists.public.within', { limit: limitLabel(t, item.timeLimit) })}
        </Typography.Text>
        {item.steps.length === 0 ? null : (
          <Typography.Link onClick={onOpen}>{t('lists.public.detail')}</Typography.Link>
        )}
      </Flex>
    </Card>
  );
};
