// The alliance's joint meetings (联席会议), the latest first: when and where, the agenda, and once held the minutes
// and the members present (or why it was called off). The convener plans them and keeps their record.
import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { formatDateTimeShort } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { fetchMeetings, type Meeting, type Member } from './api';
import { formatDate, meetingStatusColour, meetingStatusLabel } from './labels';
import { CancelMeetingDialog, HoldMeetingDialog, PlanMeetingDialog } from './MeetingDialogs';

type Acting = { kind: 'plan' } | { kind: 'hold' | 'cancel'; meeting: Meeting } | null;

const MeetingCard = ({
  meeting,
  canWrite,
  onHold,
  onCancel,
}: {
  meeting: Meeting;
  canWrite: boolean;
  onHold: () => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const none = t('common.none');
  return (
    <Card
      size="small"
      data-testid="meeting"
      data-meeting-id={meeting.id}
      title={
        <Flex gap={8} align="center" wrap>
          <span data-testid="meeting-name">{meeting.title}</span>
          <Tag color={meetingStatusColour(meeting.status)} data-testid="meeting-status">
            {meetingStatusLabel(t, meeting.status)}
          </Tag>
        </Flex>
      }
      extra={
        <Flex gap={8}>
          {canWrite && meeting.abilities.hold ? (
            <Button size="small" type="primary" onClick={onHold} data-testid="meeting-hold">
              {t('alliance.meetings.hold')}
            </Button>
          ) : null}
          {canWrite && meeting.abilities.cancel ? (
            <Button size="small" danger onClick={onCancel} data-testid="meeting-cancel">
              {t('alliance.meetings.cancel')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('alliance.meetings.scheduledAt')}>
          <span data-testid="meeting-when">{formatDateTimeShort(meeting.scheduledAt, locale)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('alliance.meetings.place')}>{meeting.place}</Descriptions.Item>
        <Descriptions.Item label={t('alliance.meetings.agenda')} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {meeting.agenda === '' ? none : meeting.agenda}
          </Typography.Paragraph>
        </Descriptions.Item>
        {meeting.status === 'held' ? (
          <>
            <Descriptions.Item label={t('alliance.meetings.heldAt')}>
              {meeting.heldAt === null ? none : formatDate(meeting.heldAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('alliance.meetings.attendees')} span={2}>
              <Flex vertical gap={4}>
                <Typography.Text type="secondary" data-testid="meeting-attendee-count">
                  {t('alliance.meetings.attendeeCount', { count: meeting.attendees.length })}
                </Typography.Text>
                <Flex gap={4} wrap data-testid="meeting-attendees-list">
                  {meeting.attendees.map((a) => (
                    <Tag key={a.orgId}>{a.orgName}</Tag>
                  ))}
                </Flex>
              </Flex>
            </Descriptions.Item>
          </>
        ) : null}
        {meeting.minutes === null ? null : (
          <Descriptions.Item
            label={
              // A called-off meeting keeps its reason where the minutes would be.
              meeting.status === 'cancelled'
                ? t('alliance.meetings.cancelReason')
                : t('alliance.meetings.minutes')
            }
            span={2}
          >
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="meeting-minutes">
              {meeting.minutes}
            </Typography.Paragraph>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
};

export const MeetingsList = ({
  allianceId,
  members,
  canPlan,
}: {
  allianceId: string;
  /** The alliance's members, those who may be recorded as present. */
  members: Member[];
  /** The caller convenes the alliance and may write. */
  canPlan: boolean;
}) => {
  const { t } = useTranslation();
  // The meeting's abilities say what the caller's place allows; the role must also write.
  const canWrite = useAbility('alliance.write');
  const [acting, setActing] = useState<Acting>(null);
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchMeetings(allianceId, signal),
    [allianceId],
  );
  const done = () => {
    setActing(null);
    reload();
  };
  const meetings = data?.items ?? [];
  return (
    <Flex vertical gap={12} data-testid="meetings">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('common.total', { count: meetings.length })}</Typography.Text>
        {canPlan ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setActing({ kind: 'plan' })}
            data-testid="meeting-plan"
          >
            {t('alliance.meetings.plan')}
          </Button>
        ) : null}
      </Flex>
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      <Spin spinning={isLoading}>
        {meetings.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('alliance.meetings.empty')} />
        ) : (
          <Flex vertical gap={12}>
            {meetings.map((m) => (
              <MeetingCard
                key={m.id}
                meeting={m}
                canWrite={canWrite}
                onHold={() => setActing({ kind: 'hold', meeting: m })}
                onCancel={() => setActing({ kind: 'cancel', meeting: m })}
              />
            ))}
          </Flex>
        )}
      </Spin>
      {acting?.kind === 'plan' ? (
        <PlanMeetingDialog allianceId={allianceId} onClose={() => setActing(null)} onDone={done} />
      ) : null}
      {acting?.kind === 'hold' ? (
        <HoldMeetingDialog
          allianceId={allianceId}
          meeting={acting.meeting}
          members={members}
          onClose={() => setActing(null)}
          onDone={done}
        />
      ) : null}
      {acting?.kind === 'cancel' ? (
        <CancelMeetingDialog
          allianceId={allianceId}
          meeting={acting.meeting}
          onClose={() => setActing(null)}
          onDone={done}
        />
      ) : null}
    </Flex>
  );
};
