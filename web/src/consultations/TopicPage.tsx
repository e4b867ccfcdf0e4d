// One topic: source, supporters and state, its outcomes; the buttons are the actions the server answers with the
// topic (approve, merge, decline with a reason; put it on a meeting's agenda), and publishing an outcome of it.
import { useState } from 'react';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { fetchCouncil, fetchTopic, reviewTopic, staffPaths, type ReviewBody, type Topic } from './api';
import { formatDate, formatDateTimeShort, isMergeTarget, topicSourceLabel } from './labels';
import { OutcomeTable } from './OutcomeTable';
import { ProgressSummary } from './ProgressSummary';
import { PublishOutcomeDialog } from './PublishOutcomeDialog';
import { ScheduleMeetingDialog } from './ScheduleMeetingDialog';
import { TopicStateTag } from './TopicTable';

type ReviewAction = ReviewBody['action'];
const reviewActions: readonly ReviewAction[] = ['approve', 'merge', 'decline'];
type ReviewValues = { reason?: string; mergeIntoId?: string };

const ReviewDialog = ({
  topic,
  action,
  onClose,
  onDone,
}: {
  topic: Topic;
  action: ReviewAction;
  onClose: () => void;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const isBranch = action !== 'approve';
  const targets = useLoader(
    async (signal) =>
      action === 'merge'
        ? (await fetchCouncil(topic.councilId, signal)).topics.filter(
            (other) => other.id !== topic.id && isMergeTarget(other.status),
          )
        : [],
    [action, topic.councilId, topic.id],
  );
  const submit = async () => {
    const values = await form.validateFields();
    setIsSaving(true);
    setError(undefined);
    try {
      await reviewTopic(topic.id, {
        action,
        reason: values.reason?.trim() === '' ? null : (values.reason?.trim() ?? null),
        mergeIntoId: values.mergeIntoId ?? null,
      });
      void message.success(t('consultations.topic.reviewed'));
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
      title={`${t('consultations.topic.review')} · ${t(`consultations.topic.${action}`)}`}
      okText={t('consultations.actions.ok')}
      cancelText={t('consultations.actions.cancel')}
      okButtonProps={{ danger: action === 'decline', loading: isSaving }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {action === 'merge' ? (
          <Form.Item
            name="mergeIntoId"
            label={t('consultations.topic.mergeInto')}
            rules={[{ required: true, message: t('consultations.topic.mergeIntoRequired') }]}
          >
            <Select
              loading={targets.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              options={(targets.data ?? []).map((o) => ({ value: o.id, label: o.title }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('consultations.topic.reasonLabel')}
          rules={
            isBranch
              ? [{ required: true, whitespace: true, message: t('consultations.topic.reasonRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="review-reason" />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};

export const TopicPage = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [action, setAction] = useState<ReviewAction | null>(null);
  const [dialog, setDialog] = useState<'schedule' | 'publish' | null>(null);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchTopic(id, signal), [id]);
  if (error !== undefined) {
    return <ProblemAlert error={error} onRetry={reload} />;
  }
  if (isLoading || data === undefined) {
    return <Spin />;
  }
  const { item: topic, outcomes, progress, hotspot, linkedCases, abilities } = data;
  const reviews = reviewActions.filter((a) => abilities.includes(a));
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to={staffPaths.councils}>{t('consultations.councils.title')}</Link> },
          { title: <Link to={staffPaths.council(topic.councilId)}>{t('consultations.topic.back')}</Link> },
          { title: topic.title },
        ]}
      />
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {topic.title}
        </Typography.Title>
        <TopicStateTag state={topic.status} />
      </Flex>
      <Card
        title={t('consultations.topic.summary')}
        extra={
          reviews.length > 0 || abilities.includes('schedule') ? (
            <Flex gap={8} wrap>
              {reviews.map((a) => (
                <Button
                  key={a}
                  type={a === 'approve' ? 'primary' : 'default'}
                  danger={a === 'decline'}
                  onClick={() => setAction(a)}
                  data-testid={`topic-${a}`}
                >
                  {t(`consultations.topic.${a}`)}
                </Button>
              ))}
              {abilities.includes('schedule') ? (
                <Button onClick={() => setDialog('schedule')} data-testid="topic-schedule">
                  {t('consultations.topic.schedule')}
                </Button>
              ) : null}
            </Flex>
          ) : null
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('consultations.topic.source')}>
            {topicSourceLabel(t, topic.source)}
          </Descriptions.Item>
          <Descriptions.Item label={t('consultations.topic.proposer')}>{topic.proposer}</Descriptions.Item>
          <Descriptions.Item label={t('consultations.topic.createdAt')}>
            {formatDateTimeShort(topic.createdAt, locale)}
          </Descriptions.Item>
          {topic.source === 'resident' ? (
            <Descriptions.Item label={t('consultations.topic.supporters')}>
              {t('consultations.topic.supportersValue', {
                count: topic.supportCount,
                threshold: topic.supportThreshold,
              })}
            </Descriptions.Item>
          ) : null}
          {topic.supportUntil === null ? null : (
            <Descriptions.Item label={t('consultations.topic.supportUntil')}>
              {formatDate(topic.supportUntil, locale)}
            </Descriptions.Item>
          )}
          {topic.hasCase ? (
            <Descriptions.Item label={t('consultations.topic.linkedCase')}>
              {t('consultations.topic.hasCase')}
            </Descriptions.Item>
          ) : null}
          {topic.mergedIntoId === null ? null : (
            <Descriptions.Item label={t('consultations.topic.mergedInto')}>
              <Link to={staffPaths.topic(topic.mergedIntoId)}>{t('consultations.topic.mergedInto')}</Link>
            </Descriptions.Item>
          )}
          {topic.reason === null ? null : (
            <Descriptions.Item label={t('consultations.topic.reason')} span={2}>
              {topic.reason}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('consultations.topic.body')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {topic.body}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {hotspot === null ? null : (
        <Card title={t('consultations.topic.hotspotTitle')} data-testid="topic-hotspot">
          <Typography.Paragraph>
            {t('consultations.topic.hotspotValue', {
              count: hotspot.caseCount,
              from: formatDate(hotspot.windowFrom, locale),
              to: formatDate(hotspot.windowTo, locale),
            })}
          </Typography.Paragraph>
          <Flex gap={8} wrap>
            {linkedCases.map((c) => (
              <Link key={c.id} to={`/cases/${encodeURIComponent(c.id)}`} data-testid="topic-linked-case">
                <Tag>{c.trackingCode}</Tag>
              </Link>
            ))}
          </Flex>
        </Card>
      )}
      <Card
        title={t('consultations.topic.outcomes')}
        extra={
          <Flex gap={12} align="center">
            {abilities.includes('publishOutcome') ? (
              <Button size="small" onClick={() => setDialog('publish')} data-testid="topic-publish">
                {t('consultations.council.publishOutcome')}
              </Button>
            ) : null}
            <ProgressSummary summary={progress} size={48} />
          </Flex>
        }
      >
        <OutcomeTable outcomes={outcomes} />
      </Card>
      {action === null ? null : (
        <ReviewDialog
          topic={topic}
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            reload();
          }}
        />
      )}
      {dialog === 'schedule' ? (
        <ScheduleMeetingDialog
          councilId={topic.councilId}
          topicIds={[topic.id]}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === 'publish' ? (
        <PublishOutcomeDialog
          councilId={topic.councilId}
          topicId={topic.id}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Flex>
  );
};
