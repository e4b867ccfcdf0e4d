// One activity: its details, the on-site check-in code while it is open, the sign-ups with sign-in and sign-out,
// and confirming the hours of those present into the ledger (with minutes adjusted where needed).
import { useState } from 'react';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  InputNumber,
  Row,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { confirmActivity, deskPaths, fetchActivity, type Signup } from './api';
import { ActivityStateTag } from './ActivityStateTag';
import { CheckInPanel } from './CheckInPanel';
import { categoryLabel, formatDateTimeShort, formatTime } from './labels';
import { useCommunities } from './useCommunities';

export const ActivityPage = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { modal, message } = App.useApp();
  const canManage = useAbility('volunteer.manage');
  const communities = useCommunities();
  const [minutes, setMinutes] = useState<Record<string, number>>({});
  const [actionError, setActionError] = useState<unknown>(undefined);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchActivity(id, signal), [id]);
  if (error !== undefined) {
    return <ProblemAlert error={error} onRetry={reload} />;
  }
  if (data === undefined) {
    return <Spin spinning={isLoading} />;
  }
  const { item: activity, checkinToken, signups } = data;
  const isOpen = activity.status === 'open';
  // The server refuses to confirm before the start; the button waits for it rather than offer a sure refusal.
  const canConfirm = canManage && isOpen && activity.startsAt <= Date.now();
  const time = (v: number | null) => (v === null ? t('common.none') : formatDateTimeShort(v, locale));
  const confirm = () =>
    modal.confirm({
      title: t('volunteers.activity.confirmHours'),
      content: t('volunteers.activity.confirmHint'),
      okText: t('volunteers.actions.confirm'),
      cancelText: t('volunteers.actions.cancel'),
      onOk: async () => {
        setActionError(undefined);
        try {
          await confirmActivity(
            activity.id,
            Object.entries(minutes).map(([signupId, m]) => ({ signupId, minutes: m })),
          );
          void message.success(t('volunteers.activity.confirmed'));
          setMinutes({});
          reload();
        } catch (failure) {
          setActionError(failure);
        }
      },
    });
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to={deskPaths.tab('activities')}>{t('volunteers.activity.back')}</Link> },
          { title: activity.title },
        ]}
      />
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="activity-title">
            {activity.title}
          </Typography.Title>
          <Tag>{categoryLabel(t, activity.category)}</Tag>
          <ActivityStateTag activity={activity} />
        </Flex>
        {canConfirm ? (
          <Button type="primary" onClick={() => void confirm()} data-testid="activity-confirm">
            {t('volunteers.activity.confirmHours')}
          </Button>
        ) : null}
      </Flex>
      {actionError === undefined ? null : <ProblemAlert error={actionError} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={checkinToken === null ? 24 : 12}>
          <Card title={t('volunteers.activity.summary')}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('volunteers.activities.community')}>
                {communities.nameOf(activity.communityId)}
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteers.activities.time')}>
                {`${formatDateTimeShort(activity.startsAt, locale)}–${formatTime(activity.endsAt, locale)}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteers.activities.placeName')}>
                {activity.placeName}
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteers.activities.radius')}>
                {activity.radiusM}
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteers.activities.signedUp')}>
                {`${activity.taken} / ${activity.places}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteers.activities.skills')}>
                {activity.skills.length === 0 ? t('common.none') : activity.skills.join('、')}
              </Descriptions.Item>
              {activity.confirmedAt === null ? null : (
                <Descriptions.Item label={t('volunteers.activity.confirmedAt')}>
                  {time(activity.confirmedAt)}
                </Descriptions.Item>
              )}
            </Descriptions>
            {activity.description === '' ? null : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {activity.description}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        {checkinToken === null ? null : (
          <Col xs={24} xl={12}>
            <CheckInPanel activityId={activity.id} token={checkinToken} title={activity.title} />
          </Col>
        )}
      </Row>
      <Card title={t('volunteers.activity.signups')}>
        <Table<Signup>
          rowKey="id"
          size="small"
          dataSource={signups}
          scroll={{ x: 'max-content' }}
          pagination={signups.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          locale={{ emptyText: t('volunteers.activity.noSignups') }}
          data-testid="signup-table"
          columns={[
            {
              title: t('volunteers.activity.member'),
              dataIndex: 'memberName',
              render: (v: string, s: Signup) =>
                s.cancelledAt === null ? (
                  v
                ) : (
                  <Flex gap={4}>
                    <Typography.Text delete>{v}</Typography.Text>
                    <Tag>{t('volunteers.activity.withdrawn')}</Tag>
                  </Flex>
                ),
            },
            { title: t('volunteers.activity.signedUpAt'), dataIndex: 'signedUpAt', render: time },
            { title: t('volunteers.activity.signInAt'), dataIndex: 'signInAt', render: time },
            { title: t('volunteers.activity.signOutAt'), dataIndex: 'signOutAt', render: time },
            {
              title: t('volunteers.activity.minutes'),
              dataIndex: 'minutes',
              render: (v: number, s: Signup) =>
                canConfirm && s.cancelledAt === null ? (
                  <InputNumber
                    size="small"
                    min={0}
                    max={720}
                    precision={0}
                    value={minutes[s.id] ?? v}
                    onChange={(next) => {
                      if (typeof next === 'number') {
                        setMinutes((m) => ({ ...m, [s.id]: next }));
                      }
                    }}
                    aria-label={`${t('volunteers.activity.minutes')} ${s.memberName}`}
                  />
                ) : (
                  v
                ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
};
