// Topics of a council, one state at a time: the state picker shows how many topics each state holds.
import { useMemo, useState } from 'react';
import { Flex, Segmented, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { staffPaths, type Topic } from './api';
import { formatDate, topicSourceLabel, topicStateColour, topicStateLabel } from './labels';

const ALL = '*';

export const TopicStateTag = ({ state }: { state: string }) => {
  const { t } = useTranslation();
  return <Tag color={topicStateColour(state)}>{topicStateLabel(t, state)}</Tag>;
};

export const TopicTable = ({ topics }: { topics: Topic[] }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [state, setState] = useState<string>(ALL);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const topic of topics) {
      m.set(topic.status, (m.get(topic.status) ?? 0) + 1);
    }
    return m;
  }, [topics]);
  const rows = state === ALL ? topics : topics.filter((topic) => topic.status === state);
  return (
    <Flex vertical gap={12}>
      <Segmented<string>
        value={state}
        onChange={setState}
        options={[
          { value: ALL, label: `${t('consultations.councils.all')} ${topics.length}` },
          ...[...counts.entries()].map(([s, n]) => ({ value: s, label: `${topicStateLabel(t, s)} ${n}` })),
        ]}
        style={{ alignSelf: 'flex-start', flexWrap: 'wrap' }}
      />
      <Table<Topic>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('consultations.topic.empty') }}
        data-testid="topic-table"
        columns={[
          {
            title: t('consultations.topic.title'),
            dataIndex: 'title',
            render: (_: unknown, topic) => <Link to={staffPaths.topic(topic.id)}>{topic.title}</Link>,
          },
          {
            title: t('consultations.topic.source'),
            dataIndex: 'source',
            width: 120,
            render: (v: string) => topicSourceLabel(t, v),
          },
          {
            title: t('consultations.topic.supporters'),
            key: 'support',
            width: 100,
            render: (_: unknown, topic) =>
              topic.source === 'resident'
                ? t('consultations.topic.supportersValue', {
                    count: topic.supportCount,
                    threshold: topic.supportThreshold,
                  })
                : t('common.none'),
          },
          {
            title: t('consultations.topic.state'),
            dataIndex: 'status',
            width: 130,
            render: (v: string) => <TopicStateTag state={v} />,
          },
          {
            title: t('consultations.topic.createdAt'),
            dataIndex: 'createdAt',
            width: 120,
            render: (v: number) => formatDate(v, locale),
          },
        ]}
      />
    </Flex>
  );
};
