// One meeting: agenda, registration against attendance, the QR check-in for the room screen, the clerk's list,
// votes of any decision type, the minutes and closing the meeting; each button is one of the actions the server
// answers with the meeting. A closed decision offers publishing its outcome.
import { useState } from 'react';
import {
  App,
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
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import {
  closeMeeting,
  fetchMeeting,
  staffPaths,
  type Decision,
  type MeetingAbility,
  type Participant,
} from './api';
import { AttendanceDialog } from './AttendanceDialog';
import { CheckInPanel } from './CheckInPanel';
import { DecisionCard } from './DecisionCard';
import {
  formatDateTimeShort,
  meetingKindLabel,
  meetingStateLabel,
  participantRoleLabel,
  viaLabel,
} from './labels';
import { MinutesCard } from './MinutesCard';
import { OpenVoteDialog } from './OpenVoteDialog';
import { PublishOutcomeDialog } from './PublishOutcomeDialog';
import { TopicStateTag } from './TopicTable';
import { ChangeMeetingDialog } from './ChangeMeetingDialog';

export const MeetingPage = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<'edit' | 'attendance' | 'vote' | null>(null);
  const [publishing, setPublishing] = useState<Decision | null>(null);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchMeeting(id, signal), [id]);
  if (error !== undefined) {
    return <ProblemAlert error={error} onRetry={reload} />;
  }
  if (data === undefined) {
    return <Spin spinning={isLoading} />;
  }
  const { item: meeting, checkinToken, agenda, participants, attendance, decisions, abilities } = data;
  const isOpen = meeting.status === 'scheduled';
  const may = (ability: MeetingAbility) => abilities.includes(ability);
  const done = () => {
    setDialog(null);
    reload();
  };
  const confirmClose = () =>
    modal.confirm({
      title: t('consultations.meeting.closeMeeting'),
      content: t('consultations.meeting.closeConfirm'),
      okText: t('consultations.meeting.closeMeeting'),
      cancelText: t('consultations.actions.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await closeMeeting(meeting.id);
          void message.success(t('consultations.meeting.closed'));
          reload();
        } catch (failure) {
          modal.error({
            title: t('consultations.meeting.closeMeeting'),
            content: <ProblemAlert error={failure} />,
          });
        }
      },
    });
  const time = (v: number | null) => (v === null ? t('common.none') : formatDateTimeShort(v, locale));
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to={staffPaths.councils}>{t('consultations.councils.title')}</Link> },
          {
            title: <Link to={staffPaths.council(meeting.councilId)}>{t('consultations.meeting.back')}</Link>,
          },
          { title: meeting.title },
        ]}
      />
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {meeting.title}
          </Typography.Title>
          <Tag color={meeting.kind === 'hearing' ? 'orange' : 'blue'}>
            {meetingKindLabel(t, meeting.kind)}
          </Tag>
          <Tag color={isOpen ? 'processing' : 'default'}>{meetingStateLabel(t, meeting.status)}</Tag>
        </Flex>
        <Flex gap={8} wrap>
          {may('edit') ? (
            <Button onClick={() => setDialog('edit')} data-testid="meeting-edit">
              {t('consultations.change.open')}
            </Button>
          ) : null}
          {may('close') ? (
            <Button danger onClick={() => void confirmClose()} data-testid="meeting-close">
              {t('consultations.meeting.closeMeeting')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={checkinToken === null ? 24 : 12}>
          <Flex vertical gap={16}>
            <Card title={t('consultations.meeting.summary')}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small">
                <Descriptions.Item label={t('consultations.meeting.startsAt')}>
                  {formatDateTimeShort(meeting.startsAt, locale)}
                </Descriptions.Item>
                <Descriptions.Item label={t('consultations.meeting.place')}>
                  {meeting.place}
                </Descriptions.Item>
                <Descriptions.Item label={t('consultations.meeting.quorum')}>
                  {meeting.quorum}
                </Descriptions.Item>
                {meeting.decidesBody === null ? null : (
                  <Descriptions.Item label={t('consultations.meeting.decidesBody')}>
                    {meeting.decidesBody}
                  </Descriptions.Item>
                )}
              </Descriptions>
              {meeting.kind === 'hearing' && meeting.decidesBody !== null ? (
                <Typography.Text type="secondary">
                  {t('consultations.meeting.hearingHint', { body: meeting.decidesBody })}
                </Typography.Text>
              ) : null}
            </Card>
            <Card title={t('consultations.meeting.attendance')}>
              <Flex gap={32} wrap align="center">
                <Statistic title={t('consultations.meeting.invited')} value={attendance.invited} />
                <Statistic title={t('consultations.meeting.registered')} value={attendance.registered} />
                <Statistic
                  title={t('consultations.meeting.attended')}
                  value={attendance.attended}
                  suffix={`/ ${attendance.quorum}`}
                />
                <Tag color={attendance.hasQuorum ? 'success' : 'warning'} data-testid="quorum-tag">
                  {attendance.hasQuorum
                    ? t('consultations.meeting.hasQuorum')
                    : t('consultations.meeting.noQuorum')}
                </Tag>
              </Flex>
            </Card>
          </Flex>
        </Col>
        {checkinToken === null ? null : (
          <Col xs={24} xl={12}>
            <CheckInPanel
              councilId={meeting.councilId}
              meetingId={meeting.id}
              token={checkinToken}
              title={meeting.title}
            />
          </Col>
        )}
      </Row>
      <Card title={t('consultations.meeting.agenda')}>
        {agenda.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.meeting.noAgenda')} />
        ) : (
          <List
            size="small"
            dataSource={agenda}
            renderItem={(topic, i) => (
              <List.Item extra={<TopicStateTag state={topic.status} />}>
                <Typography.Text>
                  {i + 1}. <Link to={staffPaths.topic(topic.id)}>{topic.title}</Link>
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card
        title={t('consultations.meeting.decisions')}
        extra={
          may('openVote') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog('vote')}
              data-testid="vote-open"
            >
              {t('consultations.decision.open')}
            </Button>
          ) : null
        }
      >
        {decisions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.meeting.noDecisions')} />
        ) : (
          <Row gutter={[16, 16]}>
            {decisions.map((d) => (
              <Col key={d.id} xs={24} lg={12}>
                <DecisionCard
                  decision={d}
                  participants={participants}
                  onChanged={reload}
                  onPublish={() => setPublishing(d)}
                />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card
        title={t('consultations.meeting.participants')}
        extra={
          may('attendance') ? (
            <Button
              icon={<TeamOutlined />}
              onClick={() => setDialog('attendance')}
              data-testid="attendance-open"
            >
              {t('consultations.meeting.clerkList')}
            </Button>
          ) : null
        }
      >
        <Table<Participant>
          rowKey="id"
          size="small"
          dataSource={participants}
          pagination={participants.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          data-testid="participant-table"
          columns={[
            { title: t('consultations.meeting.name'), dataIndex: 'name' },
            {
              title: t('consultations.meeting.role'),
              dataIndex: 'role',
              render: (v: string) => participantRoleLabel(t, v),
            },
            {
              title: t('consultations.meeting.isInvited'),
              dataIndex: 'isInvited',
              width: 80,
              render: (v: boolean) => (v ? t('consultations.meeting.yes') : t('consultations.meeting.no')),
            },
            { title: t('consultations.meeting.registeredAt'), dataIndex: 'registeredAt', render: time },
            { title: t('consultations.meeting.attendedAt'), dataIndex: 'attendedAt', render: time },
            {
              title: t('consultations.meeting.via'),
              dataIndex: 'attendedVia',
              width: 120,
              render: (v: string | null) => (v === null ? t('common.none') : viaLabel(t, v)),
            },
          ]}
        />
      </Card>
      <MinutesCard
        meetingId={meeting.id}
        minutes={meeting.minutes}
        canEdit={may('minutes')}
        onSaved={reload}
      />
      {publishing === null ? null : (
        <PublishOutcomeDialog
          councilId={meeting.councilId}
          decision={publishing}
          onClose={() => setPublishing(null)}
        />
      )}
      {dialog === 'edit' ? (
        <ChangeMeetingDialog
          meeting={meeting}
          agenda={agenda}
          onClose={() => setDialog(null)}
          onChanged={done}
        />
      ) : null}
      {dialog === 'attendance' ? (
        <AttendanceDialog
          meetingId={meeting.id}
          participants={participants}
          onClose={() => setDialog(null)}
          onSaved={done}
        />
      ) : null}
      {dialog === 'vote' ? (
        <OpenVoteDialog
          meetingId={meeting.id}
          agenda={agenda}
          onClose={() => setDialog(null)}
          onOpened={done}
        />
      ) : null}
    </Flex>
  );
};
