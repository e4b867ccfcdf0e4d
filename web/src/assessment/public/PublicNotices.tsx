// The residents' pages of the star results' public notice (公示) under /notice, without an account: the notices,
// one notice's villages with their scores and stars, the objection channel while it runs, and an objection's answer
// read back by its code.
import { Card, Empty, Flex, List, Result, Spin, Tag, Typography } from 'antd';
import { Link, Route, Routes } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { PublicLayout } from '../../report/PublicLayout';
import { fetchPublicNotices, publicNoticePaths } from '../api';
import { formatDate, noticeStatusLabel } from '../labels';
import { ObjectionLookupPage } from './ObjectionLookupPage';
import { PublicNoticePage } from './PublicNoticePage';

const NoticeListPage = () => {
  const { t } = useTranslation();
  const { data, error, isLoading, reload } = useLoader((signal) => fetchPublicNotices(signal), []);
  return (
    <PublicLayout>
      <Flex vertical gap={12}>
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('assessment.public.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('assessment.public.intro')}</Typography.Text>
        </Card>
        {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
        <Spin spinning={isLoading}>
          <Card size="small">
            {data !== undefined && data.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assessment.public.noNotices')} />
            ) : (
              <List
                data-testid="public-notices"
                dataSource={data?.items ?? []}
                renderItem={(n) => (
                  <List.Item key={n.id}>
                    <Flex vertical gap={2} style={{ width: '100%' }}>
                      <Flex justify="space-between" gap={8} align="start">
                        <Link to={publicNoticePaths.notice(n.id)} data-testid="public-notice-link">
                          {n.title}
                        </Link>
                        <Tag color={n.status === 'open' ? 'processing' : 'default'} style={{ margin: 0 }}>
                          {noticeStatusLabel(t, n.status)}
                        </Tag>
                      </Flex>
                      <Typography.Text type="secondary">
                        {t('assessment.notices.window', {
                          from: formatDate(n.startsAt),
                          to: formatDate(n.endsAt),
                        })}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Spin>
        <Link to={publicNoticePaths.objection()}>{t('assessment.public.lookupLink')}</Link>
      </Flex>
    </PublicLayout>
  );
};

const NoticeNotFound = () => {
  const { t } = useTranslation();
  return (
    <PublicLayout>
      <Result status="404" title={t('assessment.public.notFound')} />
    </PublicLayout>
  );
};

export const PublicNotices = () => (
  <Routes>
    <Route index element={<NoticeListPage />} />
    <Route path="objection/:code?" element={<ObjectionLookupPage />} />
    <Route path=":id" element={<PublicNoticePage />} />
    <Route path="*" element={<NoticeNotFound />} />
  </Routes>
);
