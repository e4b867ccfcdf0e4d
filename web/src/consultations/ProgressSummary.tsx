// The weighted progress of a council or a topic over its outcomes, as the server sums it.
import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressSummary as Summary } from './api';

export const ProgressSummary = ({ summary, size = 96 }: { summary: Summary; size?: number }) => {
  const { t } = useTranslation();
  if (summary.progress === null) {
    return <Typography.Text type="secondary">{t('consultations.council.noProgress')}</Typography.Text>;
  }
  return (
    <Flex align="center" gap={12}>
      <Progress type="circle" percent={Math.round(summary.progress)} size={size} />
      <Typography.Text type="secondary">
        {t('consultations.council.progressHint', { count: summary.outcomes })}
      </Typography.Text>
    </Flex>
  );
};
