// A council's public page (phone-first, no account): upcoming meetings with registration, topics open for support,
// how other topics were handled, closed decisions and the outcome list with progress. No person appears here.
import { useState, type ReactNode } from 'react';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Progress,
  Result,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../common/ProblemAlert';
import { useLoader } from '../../common/useLoader';
import { currentLocale } from '../../i18n';
import { PublicLayout } from '../../report/PublicLayout';
import {
  fetchPublicCouncil,
  publicPaths,
  registerForMeeting,
  supportTopic,
  type PublicMeeting,
  type Topic,
} from '../api';
import { ResultView } from '../DecisionCard';
import {
  decisionTypeLabel,
  formatDate,
  formatDateTimeShort,
  meetingKindLabel,
  outcomeStateColour,
  outcomeStateLabel,
  topicStateColour,
  topicStateLabel,
} from '../labels';
import { PhoneField } from './PhoneField';

type Ask = { kind: 'support'; topic: Topic } | { kind: 'register'; meeting: PublicMeeting };

const AskDialog = ({ ask, onClose, onDone }: { ask: Ask; onClose: () => void; onDone: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ phone: string; name?: string }>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setIsSaving(true);
    setError(undefined);
    try {
      if (ask.kind === 'support') {
        const { item } = await supportTopic(ask.topic.id, v.phone.trim());
        void message.success(t('consultations.public.supported', { count: item.supportCount }));
      } else {
        await registerForMeeting(ask.meeting.id, (v.name ?? '').trim(), v.phone.trim());
        void message.success(t('consultations.public.registered'));
      }
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={
        ask.kind === 'support'
          ? t('consultations.public.supportTitle', { title: ask.topic.title })
          : t('consultations.public.registerTitle', { title: ask.meeting.title })
      }
      okText={t('consultations.actions.submit')}
      cancelText={t('consultations.actions.cancel')}
      okButtonProps={{ loading: isSaving, size: 'large' }}
      cancelButtonProps={{ size: 'large' }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        {ask.kind === 'register' ? (
          <Form.Item
            name="name"
            label={t('consultations.public.name')}
            rules={[{ required: true, whitespace: true, message: t('consultations.public.nameRequired') }]}
          >
            <Input maxLength={30} size="large" autoComplete="name" />
          </Form.Item>
        ) : null}
        <PhoneField />
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card title={title} size="small" styles={{ body: { padding: '4px 12px 12px' } }}>
    {children}
  </Card>
);

export const PublicCouncilPage = () => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { councilId = '' } = useParams<{ councilId: string }>();
  const [ask, setAsk] = useState<Ask | null>(null);
  const { data, error, isLoading, reload } = useLoader(
    (signal) => fetchPublicCouncil(councilId, signal),
    [councilId],
  );
  if (error !== undefined) {
    return (
      <PublicLayout>
        <ProblemAlert error={error} onRetry={reload} />
      </PublicLayout>
    );
  }
  if (isLoading || data === undefined) {
    return (
      <PublicLayout>
        <Spin />
      </PublicLayout>
    );
  }
  const { item: council, upcomingMeetings, topics, decisions, outcomes, progress } = data;
  const collecting = topics.filter((topic) => topic.status === 'collecting');
  const others = topics.filter((topic) => topic.status !== 'collecting');
  return (
    <PublicLayout>
      <Flex vertical gap={12}>
        <Card size="small">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="public-council-name">
            {council.name}
          </Typography.Title>
          <Typography.Text type="secondary">{council.place}</Typography.Text>
          <Typography.Paragraph style={{ margin: '8px 0' }}>
            {t('consultations.public.intro')}
          </Typography.Paragraph>
          <Link to={publicPaths.propose(council.id)}>
            <Button type="primary" size="large" block data-testid="public-propose">
              {t('consultations.public.propose')}
            </Button>
          </Link>
        </Card>

        <Section title={t('consultations.public.upcoming')}>
          {upcomingMeetings.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.public.noUpcoming')} />
          ) : (
            <List
              dataSource={upcomingMeetings}
              renderItem={(m) => (
                <List.Item
                  actions={[
                    <Button key="register" onClick={() => setAsk({ kind: 'register', meeting: m })}>
                      {t('consultations.public.register')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={m.title}
                    description={
                      <>
                        <Tag color={m.kind === 'hearing' ? 'orange' : 'blue'}>
                          {meetingKindLabel(t, m.kind)}
                        </Tag>
                        {formatDateTimeShort(m.startsAt, locale)} · {m.place}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </Section>

        <Section title={t('consultations.public.openTopics')}>
          {collecting.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.public.noTopics')} />
          ) : (
            <List
              dataSource={collecting}
              renderItem={(topic) => (
                <List.Item data-testid="public-topic">
                  <Flex vertical gap={6} style={{ width: '100%' }}>
                    <Typography.Text strong>{topic.title}</Typography.Text>
                    <Typography.Paragraph
                      type="secondary"
                      ellipsis={{ rows: 3, expandable: true }}
                      style={{ margin: 0 }}
                    >
                      {topic.body}
                    </Typography.Paragraph>
                    <Progress
                      percent={Math.min(
                        100,
                        (topic.supportCount / Math.max(1, topic.supportThreshold)) * 100,
                      )}
                      format={() =>
                        t('consultations.public.supportProgress', {
                          count: topic.supportCount,
                          threshold: topic.supportThreshold,
                        })
                      }
                      size="small"
                      style={{ margin: 0 }}
                    />
                    <Flex justify="space-between" align="center">
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {topic.proposer}
                        {topic.supportUntil === null
                          ? ''
                          : ` · ${t('consultations.public.supportUntil', { date: formatDate(topic.supportUntil, locale) })}`}
                      </Typography.Text>
                      <Button
                        type="primary"
                        ghost
                        onClick={() => setAsk({ kind: 'support', topic })}
                        data-testid="public-support"
                      >
                        {t('consultations.public.support')}
                      </Button>
                    </Flex>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Section>

        <Section title={t('consultations.public.outcomes')}>
          {progress.progress === null ? null : (
            <Flex vertical style={{ padding: '8px 0' }}>
              <Typography.Text type="secondary">{t('consultations.public.overallProgress')}</Typography.Text>
              <Progress percent={Math.round(progress.progress)} />
            </Flex>
          )}
          {outcomes.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.public.noOutcomes')} />
          ) : (
            <List
              dataSource={outcomes}
              pagination={outcomes.length > 10 ? { pageSize: 10, size: 'small', simple: true } : false}
              renderItem={(o) => (
                <List.Item data-testid="public-outcome">
                  <Flex vertical gap={4} style={{ width: '100%' }}>
                    <Flex justify="space-between" gap={8} align="start">
                      <Typography.Text strong>{o.title}</Typography.Text>
                      <Space size={4}>
                        <Tag color={outcomeStateColour(o.status)} style={{ marginInlineEnd: 0 }}>
                          {outcomeStateLabel(t, o.status)}
                        </Tag>
                        {o.isOverdue ? (
                          <Tag color="red" style={{ marginInlineEnd: 0 }}>
                            {t('consultations.outcome.overdue')}
                          </Tag>
                        ) : null}
                      </Space>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('consultations.public.ownerDeadline', {
                        owner: o.ownerUnit,
                        date: formatDate(o.deadlineAt, locale),
                      })}
                    </Typography.Text>
                    <Progress percent={o.progress} size="small" style={{ margin: 0 }} />
                    {o.status === 'done' ? (
                      <Link to={publicPaths.rate(council.id, o.id)} style={{ alignSelf: 'flex-end' }}>
                        {t('consultations.public.rate')}
                      </Link>
                    ) : null}
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Section>

        <Section title={t('consultations.public.decisions')}>
          {decisions.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.public.noDecisions')} />
          ) : (
            <List
              dataSource={decisions}
              pagination={decisions.length > 5 ? { pageSize: 5, size: 'small', simple: true } : false}
              renderItem={(d) => (
                <List.Item>
                  <Flex vertical gap={6} style={{ width: '100%' }}>
                    <Space size={4} wrap>
                      <Tag color="geekblue">{decisionTypeLabel(t, d.type)}</Tag>
                      {d.isRecommendation ? (
                        <Tag color="orange">{t('consultations.decision.recommendation')}</Tag>
                      ) : null}
                      {d.closedAt === null ? null : (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDate(d.closedAt, locale)}
                        </Typography.Text>
                      )}
                    </Space>
                    <Typography.Text strong>{d.question}</Typography.Text>
                    {d.result === null ? null : <ResultView decision={d} result={d.result} />}
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Section>

        <Section title={t('consultations.public.otherTopics')}>
          {others.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('consultations.public.noTopics')} />
          ) : (
            <List
              dataSource={others}
              pagination={others.length > 10 ? { pageSize: 10, size: 'small', simple: true } : false}
              renderItem={(topic) => (
                <List.Item>
                  <Flex vertical gap={4} style={{ width: '100%' }}>
                    <Flex justify="space-between" gap={8} align="start">
                      <Typography.Text>{topic.title}</Typography.Text>
                      <Tag color={topicStateColour(topic.status)} style={{ marginInlineEnd: 0 }}>
                        {topicStateLabel(t, topic.status)}
                      </Tag>
                    </Flex>
                    {topic.reason === null ? null : (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {topic.reason}
                      </Typography.Text>
                    )}
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Section>
      </Flex>
      {ask === null ? null : (
        <AskDialog
          ask={ask}
          onClose={() => setAsk(null)}
          onDone={() => {
            setAsk(null);
            reload();
          }}
        />
      )}
    </PublicLayout>
  );
};

export const PublicNotFound = () => {
  const { t } = useTranslation();
  return (
    <PublicLayout>
      <Result status="404" title={t('consultations.public.notFound')} />
    </PublicLayout>
  );
};
