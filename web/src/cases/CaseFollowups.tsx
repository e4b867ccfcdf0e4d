// What the resident added to a case after reporting and the call-backs they asked for, as the server masks them.
import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTimeShort } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { fetchFollowups } from './api';

export const CaseFollowups = ({ caseId }: { caseId: string }) => {
  const { t, i18n } = useTranslation();
  const loaded = useLoader((signal) => fetchFollowups(caseId, signal), [caseId]);
  return (
    <Card size="small" title={t('cases.followups.title')} data-testid="case-followups">
      {loaded.error === undefined ? (
        <List
          size="small"
          dataSource={loaded.data?.items ?? []}
          loading={loaded.isLoading && loaded.data === undefined}
          locale={{ emptyText: t('cases.followups.empty') }}
          renderItem={(f) => (
            <List.Item key={f.id} data-testid="case-followup" style={{ paddingInline: 0 }}>
              <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                <Flex gap={8} wrap align="center">
                  <Tag color={f.kind === 'callBack' ? 'orange' : 'blue'}>
                    {t(`cases.followups.kinds.${f.kind}`)}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTimeShort(f.at, i18n.language)}
                  </Typography.Text>
                </Flex>
                <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {f.text}
                </Typography.Text>
                {f.phoneMasked === null ? null : (
                  <Typography.Text type="secondary" data-testid="case-followup-phone">
                    {t('cases.followups.phone', { phone: f.phoneMasked })}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <ProblemAlert error={loaded.error} onRetry={loaded.reload} />
      )}
    </Card>
  );
};
