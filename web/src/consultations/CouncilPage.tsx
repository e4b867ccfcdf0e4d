// One council: convener and standing members, topics by state, upcoming and held meetings, the outcome list and the
// council's weighted progress; for those who may write, the council's settings, scheduling a meeting and publishing
// an outcome.
import { useState } from 'react';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Row,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { CalendarOutlined, ExportOutlined, FlagOutlined, SettingOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { levelLabel } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import type { OrgLevel } from '../api/types';
import {
  fetchCouncil,
  publicPaths,
  staffPaths,
  type CouncilAbility,
  type CouncilMember,
  type Meeting,
} from './api';
import { CouncilSettingsDialog } from './CouncilSettingsDialog';
import { formatDateTimeShort, meetingKindLabel, memberKindLabel } from './labels';
import { OutcomeTable } from './OutcomeTable';
import { ProgressSummary } from './ProgressSummary';
import { PublishOutcomeDialog } from './PublishOutcomeDialog';
import { ScheduleMeetingDialog } from './ScheduleMeetingDialog';
import { TopicTable } from './TopicTable';

const MeetingList = ({ meetings }: { meetings: Meeting[] }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (meetings.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.council.noMeetings')} />;
  }
  return (
    <List<Meeting>
      size="small"
      dataSource={meetings}
      pagination={meetings.length > 10 ? { pageSize: 10, size: 'small' } : false}
      renderItem={(m) => (
        <List.Item>
          <List.Item.Meta
            title={<Link to={staffPaths.meeting(m.id)}>{m.title}</Link>}
            description={`${formatDateTimeShort(m.startsAt, locale)} · ${m.place}`}
          />
          <Tag color={m.kind === 'hearing' ? 'orange' : 'blue'}>{meetingKindLabel(t, m.kind)}</Tag>
        </List.Item>
      )}
    />
  );
};

export const CouncilPage = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'settings' | 'schedule' | 'publish' | null>(null);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchCouncil(id, signal), [id]);
  if (error !== undefined) {
    return <ProblemAlert error={error} onRetry={reload} />;
  }
  if (isLoading || data === undefined) {
    return <Spin />;
  }
  const { item: council, abilities, members, topics, meetings, outcomes, progress } = data;
  const may = (ability: CouncilAbility) => abilities.includes(ability);
  const upcoming = meetings.filter((m) => m.status === 'scheduled').reverse();
  const past = meetings.filter((m) => m.status !== 'scheduled');
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to={staffPaths.councils}>{t('consultations.councils.title')}</Link> },
          { title: council.name },
        ]}
      />
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {council.name}
        </Typography.Title>
        <Flex gap={8} wrap>
          {may('schedule') ? (
            <Button
              type="primary"
              icon={<CalendarOutlined />}
              onClick={() => setDialog('schedule')}
              data-testid="council-schedule"
            >
              {t('consultations.council.scheduleMeeting')}
            </Button>
          ) : null}
          {may('publishOutcome') ? (
            <Button
              icon={<FlagOutlined />}
              onClick={() => setDialog('publish')}
              data-testid="council-publish"
            >
              {t('consultations.council.publishOutcome')}
            </Button>
          ) : null}
          {may('settings') ? (
            <Button
              icon={<SettingOutlined />}
              onClick={() => setDialog('settings')}
              data-testid="council-settings"
            >
              {t('consultations.council.editSettings')}
            </Button>
          ) : null}
          <a href={publicPaths.council(council.id)} target="_blank" rel="noreferrer">
            <Button icon={<ExportOutlined />}>{t('consultations.council.publicPage')}</Button>
          </a>
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('consultations.council.summary')} style={{ height: '100%' }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('consultations.councils.level')}>
                {levelLabel(t, council.level as OrgLevel)}
              </Descriptions.Item>
              <Descriptions.Item label={t('consultations.councils.place')}>{council.place}</Descriptions.Item>
              <Descriptions.Item label={t('consultations.council.convener')}>
                {council.convenerName ?? t('consultations.council.noConvener')}
              </Descriptions.Item>
              <Descriptions.Item label={t('consultations.councils.supportRule')}>
                <span data-testid="council-support-rule">
                  {t('consultations.councils.supportRuleValue', {
                    threshold: council.supportThreshold,
                    days: council.supportDays,
                  })}
                </span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('consultations.council.progress')} style={{ height: '100%' }}>
            <ProgressSummary summary={progress} />
          </Card>
        </Col>
      </Row>
      <Card>
        <Tabs
          items={[
            {
              key: 'topics',
              label: `${t('consultations.council.topics')} ${topics.length}`,
              children: <TopicTable topics={topics} />,
            },
            {
              key: 'meetings',
              label: `${t('consultations.council.meetings')} ${meetings.length}`,
              children: (
                <Row gutter={[24, 16]}>
                  <Col xs={24} lg={12}>
                    <Typography.Title level={5}>{t('consultations.council.upcoming')}</Typography.Title>
                    <MeetingList meetings={upcoming} />
                  </Col>
                  <Col xs={24} lg={12}>
                    <Typography.Title level={5}>{t('consultations.council.past')}</Typography.Title>
                    <MeetingList meetings={past} />
                  </Col>
                </Row>
              ),
            },
            {
              key: 'outcomes',
              label: `${t('consultations.council.outcomes')} ${outcomes.length}`,
              children: <OutcomeTable outcomes={outcomes} />,
            },
            {
              key: 'members',
              label: `${t('consultations.council.members')} ${members.length}`,
              children: (
                <Table<CouncilMember>
                  rowKey="id"
                  size="small"
                  dataSource={members}
                  pagination={false}
                  locale={{ emptyText: t('consultations.council.noMembers') }}
                  columns={[
                    {
                      title: t('consultations.council.memberName'),
                      dataIndex: 'name',
                      render: (v: string, m) => (
                        <>
                          {v}
                          {m.isConvener ? (
                            <Tag color="red" style={{ marginInlineStart: 8 }}>
                              {t('consultations.council.convener')}
                            </Tag>
                          ) : null}
                        </>
                      ),
                    },
                    {
                      title: t('consultations.council.memberKind'),
                      dataIndex: 'kind',
                      render: (v: string) => memberKindLabel(t, v),
                    },
                    {
                      title: t('consultations.council.memberUnit'),
                      dataIndex: 'unit',
                      render: (v: string | null) => v ?? t('common.none'),
                    },
                    {
                      title: t('consultations.council.memberPhone'),
                      dataIndex: 'phone',
                      render: (v: string | null) => v ?? t('common.none'),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      {dialog === 'settings' ? (
        <CouncilSettingsDialog
          council={council}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            reload();
          }}
        />
      ) : null}
      {dialog === 'schedule' ? (
        <ScheduleMeetingDialog councilId={council.id} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'publish' ? (
        <PublishOutcomeDialog councilId={council.id} onClose={() => setDialog(null)} />
      ) : null}
    </Flex>
  );
};
