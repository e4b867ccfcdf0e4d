// The party member's page on the phone: my 双报到 registration (and registering with my community), this year's
// hours against the yearly bar, points and rank, upcoming activities to sign up for, my sign-ups with the on-site
// check-in, and open posts to claim.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  List,
  Progress,
  Row,
  Select,
  Spin,
  Statistic,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useIsMobile } from '../common/useMediaQuery';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import {
  claimPost,
  fetchMy,
  fetchMyActivities,
  fetchMyPosts,
  myPaths,
  registerMyself,
  signUp,
  withdraw,
  type Activity,
  type MyState,
  type MySignup,
  type Post,
} from './api';
import {
  categoryLabel,
  formatDate,
  formatDateTimeShort,
  formatTime,
  hoursOf,
  registrationColour,
  registrationStateLabel,
} from './labels';
import { useCommunities, type Communities } from './useCommunities';

export const MyPage = () => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const communities = useCommunities();
  const my = useLoader((signal) => fetchMy(undefined, signal), []);
  if (my.error !== undefined) {
    return <ProblemAlert error={my.error} onRetry={my.reload} />;
  }
  if (my.data === undefined) {
    return <Spin spinning={my.isLoading} />;
  }
  return (
    <Flex vertical gap={isMobile ? 12 : 16}>
      <Typography.Title level={isMobile ? 4 : 3} style={{ margin: 0 }}>
        {t('volunteers.myTitle')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <RegistrationCard my={my.data} communities={communities} onChanged={my.reload} />
        </Col>
        <Col xs={24} lg={12}>
          <BalancesCard my={my.data} />
        </Col>
      </Row>
      <Card size="small">
        <Link to={myPaths.relief} data-testid="my-relief-link">
          {t('volunteers.myRelief.link')}
        </Link>
      </Card>
      <ActivitiesCards onChanged={my.reload} />
      <PostsCard />
    </Flex>
  );
};

const RegistrationCard = ({
  my,
  communities,
  onChanged,
}: {
  my: MyState;
  communities: Communities;
  onChanged: () => void;
}) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const reg = my.registration;
  const mayRegister = reg === null || reg.state === 'refused' || reg.state === 'ended';
  const register = async () => {
    if (communityId === null) {
      return;
    }
    setIsSaving(true);
    setError(undefined);
    try {
      await registerMyself(communityId);
      void message.success(t('volunteers.my.registered'));
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Card title={t('volunteers.my.registration')} size="small" data-testid="my-registration">
      {reg === null ? (
        <Typography.Paragraph>{t('volunteers.my.notRegistered')}</Typography.Paragraph>
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('volunteers.my.registeredWith')}>
            {communities.nameOf(reg.communityId)}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.my.state')}>
            <Tag color={registrationColour(reg.state)} data-testid="my-registration-state">
              {registrationStateLabel(t, reg.state)}
            </Tag>
          </Descriptions.Item>
          {reg.validUntil === null ? null : (
            <Descriptions.Item label={t('volunteers.my.validUntil')}>
              {formatDate(reg.validUntil, locale)}
            </Descriptions.Item>
          )}
          {reg.reason === null ? null : (
            <Descriptions.Item label={t('volunteers.registrations.reason')}>{reg.reason}</Descriptions.Item>
          )}
        </Descriptions>
      )}
      {mayRegister ? (
        <Flex gap={8} wrap>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={communityId}
            onChange={setCommunityId}
            placeholder={t('volunteers.my.pickCommunity')}
            options={communities.options}
            style={{ flex: 1, minWidth: 200 }}
            data-testid="my-community"
          />
          <Button
            type="primary"
            disabled={communityId === null}
            loading={isSaving}
            onClick={() => void register()}
          >
            {t('volunteers.my.register')}
          </Button>
        </Flex>
      ) : null}
      {error === undefined ? null : (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={error} />
        </div>
      )}
    </Card>
  );
};

const BalancesCard = ({ my }: { my: MyState }) => {
  const { t } = useTranslation();
  const hours = hoursOf(my.balances.minutes);
  const bar = hoursOf(my.barMinutes);
  return (
    <Card
      title={t('volunteers.my.balances', { year: my.year })}
      size="small"
      extra={<Link to={myPaths.ledger}>{t('volunteers.my.ledger')}</Link>}
      data-testid="my-balances"
    >
      <Typography.Text type="secondary">{t('volunteers.my.hours')}</Typography.Text>
      <Progress
        percent={
          my.barMinutes === 0 ? 100 : Math.min(100, Math.round((my.balances.minutes / my.barMinutes) * 100))
        }
        format={() => t('volunteers.my.hoursOf', { hours, bar })}
        status={my.balances.minutes >= my.barMinutes ? 'success' : 'active'}
      />
      <Flex gap={32} wrap style={{ marginTop: 8 }}>
        <Statistic title={t('volunteers.my.points')} value={my.balances.points} />
        <Statistic
          title={t('volunteers.my.rank')}
          value={
            my.rank === null
              ? t('volunteers.my.noRank')
              : t('volunteers.my.rankOf', { rank: my.rank, size: my.branchSize })
          }
        />
      </Flex>
    </Card>
  );
};

const activityTime = (a: Activity, locale: string) =>
  `${formatDateTimeShort(a.startsAt, locale)}–${formatTime(a.endsAt, locale)}`;

const ActivitiesCards = ({ onChanged }: { onChanged: () => void }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [isAll, setIsAll] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchMyActivities(isAll, signal), [isAll]);
  const mine = (data?.mine ?? []).filter((s) => s.cancelledAt === null);
  const isMine = (id: string) => mine.some((s) => s.activity.id === id);
  const run = async (id: string, call: () => Promise<unknown>, done: string) => {
    setBusyId(id);
    setActionError(undefined);
    try {
      await call();
      void message.success(done);
      reload();
      onChanged();
    } catch (failure) {
      setActionError(failure);
    } finally {
      setBusyId(null);
    }
  };
  const now = Date.now();
  return (
    <>
      <Card title={t('volunteers.my.upcoming')} size="small">
        <Flex gap={6} align="center">
          <Switch size="small" checked={isAll} onChange={setIsAll} aria-label={t('volunteers.my.showAll')} />
          <Typography.Text type="secondary">{t('volunteers.my.showAll')}</Typography.Text>
        </Flex>
        {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
        {actionError === undefined ? null : <ProblemAlert error={actionError} />}
        <List<Activity>
          loading={isLoading}
          dataSource={data?.upcoming ?? []}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.my.noUpcoming')} />
            ),
          }}
          renderItem={(a) => {
            const left = a.places - a.taken;
            const signedUp = isMine(a.id);
            return (
              <List.Item data-testid="upcoming-activity">
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    <Typography.Text strong>{a.title}</Typography.Text>
                    <Tag style={{ marginInlineEnd: 0 }}>{categoryLabel(t, a.category)}</Tag>
                  </Flex>
                  <Typography.Text type="secondary">{activityTime(a, locale)}</Typography.Text>
                  <Typography.Text type="secondary">{a.placeName}</Typography.Text>
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <Typography.Text type={left > 0 ? undefined : 'secondary'}>
                      {left > 0 ? t('volunteers.my.placesLeft', { count: left }) : t('volunteers.my.full')}
                    </Typography.Text>
                    {signedUp ? (
                      <Flex gap={8} align="center">
                        <Tag color="success">{t('volunteers.my.signedUp')}</Tag>
                        {a.startsAt > now ? (
                          <Button
                            size="small"
                            loading={busyId === a.id}
                            onClick={() => void run(a.id, () => withdraw(a.id), t('volunteers.actions.done'))}
                            data-testid="withdraw-button"
                          >
                            {t('volunteers.my.withdraw')}
                          </Button>
                        ) : null}
                      </Flex>
                    ) : (
                      <Button
                        type="primary"
                        size="small"
                        disabled={left <= 0}
                        loading={busyId === a.id}
                        onClick={() => void run(a.id, () => signUp(a.id), t('volunteers.my.signedUp'))}
                        data-testid="signup-button"
                      >
                        {t('volunteers.my.signUp')}
                      </Button>
                    )}
                  </Flex>
                </Flex>
              </List.Item>
            );
          }}
        />
      </Card>
      <Card title={t('volunteers.my.mine')} size="small">
        <List<MySignup>
          loading={isLoading}
          dataSource={data?.mine ?? []}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.my.noMine')} />,
          }}
          renderItem={(s) => (
            <List.Item data-testid="my-signup">
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex justify="space-between" align="flex-start" gap={8}>
                  <Typography.Text strong delete={s.cancelledAt !== null}>
                    {s.activity.title}
                  </Typography.Text>
                  {s.cancelledAt === null ? null : <Tag>{t('volunteers.my.cancelled')}</Tag>}
                </Flex>
                <Typography.Text type="secondary">{activityTime(s.activity, locale)}</Typography.Text>
                <Flex gap={8} wrap>
                  {s.signInAt === null ? null : (
                    <Tag color="blue">
                      {t('volunteers.my.signedIn', { time: formatTime(s.signInAt, locale) })}
                    </Tag>
                  )}
                  {s.signOutAt === null ? null : (
                    <Tag color="green">
                      {t('volunteers.my.signedOut', { time: formatTime(s.signOutAt, locale) })}
                    </Tag>
                  )}
                </Flex>
                {s.cancelledAt === null && s.activity.status === 'open' && s.signOutAt === null ? (
                  <Button
                    size="small"
                    style={{ alignSelf: 'flex-start' }}
                    onClick={() => void navigate(myPaths.checkIn(s.activity.id))}
                    data-testid="checkin-open"
                  >
                    {t('volunteers.my.checkIn')}
                  </Button>
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
};

const PostsCard = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchMyPosts(signal), []);
  const claim = async (post: Post) => {
    setBusyId(post.id);
    setActionError(undefined);
    try {
      await claimPost(post.id);
      void message.success(t('volunteers.my.claimed'));
      reload();
    } catch (failure) {
      setActionError(failure);
    } finally {
      setBusyId(null);
    }
  };
  return (
    <Card title={t('volunteers.my.posts')} size="small">
      {error === undefined ? null : <ProblemAlert error={error} onRetry={reload} />}
      {actionError === undefined ? null : <ProblemAlert error={actionError} />}
      <List<Post>
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteers.my.noPosts')} />,
        }}
        renderItem={(p) => (
          <List.Item>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Typography.Text strong>{p.title}</Typography.Text>
                <Tag style={{ marginInlineEnd: 0 }}>{categoryLabel(t, p.category)}</Tag>
              </Flex>
              {p.description === '' ? null : (
                <Typography.Text type="secondary">{p.description}</Typography.Text>
              )}
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text>{`${p.claimed} / ${p.places}`}</Typography.Text>
                {p.isClaimedByMe ? (
                  <Tag color="success">{t('volunteers.my.claimed')}</Tag>
                ) : (
                  <Button
                    size="small"
                    disabled={p.claimed >= p.places}
                    loading={busyId === p.id}
                    onClick={() => void claim(p)}
                  >
                    {p.claimed >= p.places ? t('volunteers.my.full') : t('volunteers.my.claim')}
                  </Button>
                )}
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
};
