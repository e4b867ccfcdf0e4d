// The councils (议事会) of the caller's scope: towns and villages, with convener, room and support threshold.
import { useMemo, useState } from 'react';
import { Card, Flex, Input, Segmented, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { levelLabel } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import type { OrgLevel } from '../api/types';
import { fetchCouncils, staffPaths, type Council } from './api';

type LevelFilter = 'all' | 'town' | 'village';

export const CouncilsPage = () => {
  const { t } = useTranslation();
  const [level, setLevel] = useState<LevelFilter>('all');
  const [text, setText] = useState('');
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchCouncils(level === 'all' ? undefined : level, signal),
    [level],
  );
  const rows = useMemo(() => {
    const q = text.trim();
    const items = data?.items ?? [];
    return q === '' ? items : items.filter((c) => c.name.includes(q));
  }, [data, text]);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('consultations.title')}
      </Typography.Title>
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Segmented<LevelFilter>
            value={level}
            onChange={setLevel}
            options={[
              { value: 'all', label: t('consultations.councils.all') },
              { value: 'town', label: t('consultations.councils.town') },
              { value: 'village', label: t('consultations.councils.village') },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={t('consultations.councils.search')}
            aria-label={t('consultations.councils.search')}
            onChange={(e) => setText(e.target.value)}
            style={{ width: 260 }}
          />
          <Typography.Text type="secondary">
            {t('consultations.councils.loaded', { count: rows.length })}
          </Typography.Text>
        </Flex>
        {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
        <Table<Council>
          rowKey="id"
          size="middle"
          loading={isLoading}
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: t('consultations.councils.empty') }}
          data-testid="council-table"
          columns={[
            {
              title: t('consultations.councils.name'),
              dataIndex: 'name',
              render: (_: unknown, c) => <Link to={staffPaths.council(c.id)}>{c.name}</Link>,
            },
            {
              title: t('consultations.councils.level'),
              dataIndex: 'level',
              width: 140,
              render: (v: string) => levelLabel(t, v as OrgLevel),
            },
            { title: t('consultations.councils.place'), dataIndex: 'place' },
            {
              title: t('consultations.councils.convener'),
              dataIndex: 'convenerName',
              width: 140,
              render: (v: string | null) => v ?? t('common.none'),
            },
            {
              title: t('consultations.councils.supportRule'),
              key: 'rule',
              width: 200,
              render: (_: unknown, c) =>
                t('consultations.councils.supportRuleValue', {
                  threshold: c.supportThreshold,
                  days: c.supportDays,
                }),
            },
          ]}
        />
      </Card>
    </Flex>
  );
};
