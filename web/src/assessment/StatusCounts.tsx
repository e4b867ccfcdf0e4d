// A year's sheet counts by status, as small tags in workflow order.
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { sheetStatuses, type SheetStatus } from './api';
import { sheetStatusLabel, statusColors } from './labels';

export const StatusCounts = ({ counts }: { counts: Partial<Record<SheetStatus, number>> }) => {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {sheetStatuses
        .filter((s) => (counts[s] ?? 0) > 0)
        .map((s) => (
          <Tag key={s} color={statusColors[s]}>
            {sheetStatusLabel(t, s)} {counts[s]}
          </Tag>
        ))}
    </Flex>
  );
};

export const StatusTag = ({ status }: { status: string }) => {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-testid="sheet-status">
      {sheetStatusLabel(t, status)}
    </Tag>
  );
};
