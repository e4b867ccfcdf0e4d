// The door of the public consultation pages: find a town's or village's council by name.
import { useState } from 'react';
import { Card, Input, List, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { PublicLayout } from '../../report/PublicLayout';
import { publicPaths, searchPublicCouncils } from '../api';

export const FindCouncilPage = () => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data, error, isLoading, reload } = useLoader((signal) => searchPublicCouncils(q, signal), [q]);
  return (
    <PublicLayout>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('consultations.public.findTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('consultations.public.findHint')}</Typography.Paragraph>
        <Input.Search
          size="large"
          allowClear
          placeholder={t('consultations.public.searchPlaceholder')}
          aria-label={t('consultations.public.searchPlaceholder')}
          onSearch={(v) => setQ(v.trim())}
          data-testid="public-council-search"
        />
      </Card>
      <div style={{ marginTop: 12 }}>
        {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
        <Spin spinning={isLoading}>
          <List
            style={{ background: '#fff', borderRadius: 8 }}
            bordered
            dataSource={data?.items ?? []}
            locale={{ emptyText: t('consultations.public.noCouncil') }}
            renderItem={(c) => (
              <List.Item extra={<Tag>{t(c.level === 'town' ? 'levels.town' : 'levels.village')}</Tag>}>
                <Link to={publicPaths.council(c.id)}>{c.name}</Link>
              </List.Item>
            )}
          />
        </Spin>
      </div>
    </PublicLayout>
  );
};
