// One outcome: owner, deadline, progress and state, the case it opened, the residents' ratings per option and its
// progress history; the owner's progress report while it is not done.
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
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Row,
  Spin,
  Timeline,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { stateLabel as caseStateLabel } from '../cases/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { fetchOutcome, ratings, reportProgress, staffPaths, type Outcome, type ProgressBody } from './api';
import { formatDate, formatDateTimeShort, progressKindLabel, ratingLabel } from './labels';
import { OutcomeStatus } from './OutcomeTable';

const ReportDialog = ({
  outcome,
  onClose,
  onSaved,
}: {
  outcome: Outcome;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProgressBody>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setIsSaving(true);
    setError(undefined);
    try {
      await reportProgress(outcome.id, {
        progress: v.progress,
        note: v.note?.trim() === '' ? null : (v.note?.trim() ?? null),
        evidence: v.evidence?.trim() === '' ? null : (v.evidence?.trim() ?? null),
      });
      void message.success(t('consultations.outcome.reported'));
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('consultations.outcome.reportTitle')}
      okText={t('consultations.actions.submit')}
      cancelText={t('consultations.actions.cancel')}
      okButtonProps={{ loading: isSaving }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<ProgressBody> form={form} layout="vertical" initialValues={{ progress: outcome.progress }}>
        <Form.Item
          name="progress"
          label={t('consultations.outcome.progressValue')}
          extra={t('consultations.outcome.progressHint')}
          rules={[{ required: true }]}
        >
          <InputNumber
            min={0}
            max={100}
            precision={0}
            suffix="%"
            style={{ width: 160 }}
            data-testid="progress-value"
          />
        </Form.Item>
        <Form.Item name="note" label={t('consultations.outcome.note')}>
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="evidence" label={t('consultations.outcome.evidenceLabel')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};

export const OutcomePage = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [isReporting, setIsReporting] = useState(false);
  const { data, error, isLoading, reload } = useLoader((signal) => fetchOutcome(id, signal), [id]);
  if (error !== undefined) {
    return <ProblemAlert error={error} onRetry={reload} />;
  }
  if (isLoading || data === undefined) {
    return <Spin />;
  }
  const { item: outcome, progress, abilities } = data;
  const totalRatings = Object.values(outcome.ratings).reduce((a, b) => a + b, 0);
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to={staffPaths.councils}>{t('consultations.councils.title')}</Link> },
          {
            title: <Link to={staffPaths.council(outcome.councilId)}>{t('consultations.outcome.back')}</Link>,
          },
          { title: outcome.title },
        ]}
      />
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {outcome.title}
          </Typography.Title>
          <OutcomeStatus outcome={outcome} />
        </Flex>
        {abilities.includes('progress') ? (
          <Button type="primary" onClick={() => setIsReporting(true)} data-testid="outcome-report">
            {t('consultations.outcome.report')}
          </Button>
        ) : null}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card title={t('consultations.outcome.summary')} style={{ height: '100%' }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('consultations.outcome.owner')}>
                {outcome.ownerUnit}
              </Descriptions.Item>
              <Descriptions.Item label={t('consultations.outcome.deadline')}>
                {formatDate(outcome.deadlineAt, locale)}
              </Descriptions.Item>
              <Descriptions.Item label={t('consultations.outcome.weight')}>
                {outcome.weight}
              </Descriptions.Item>
              {outcome.doneAt === null ? null : (
                <Descriptions.Item label={t('consultations.outcome.doneAt')}>
                  {formatDate(outcome.doneAt, locale)}
                  {outcome.isOverdue ? null : ` · ${t('consultations.outcome.onTime')}`}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('consultations.outcome.case')}>
                {outcome.caseState === null
                  ? t('consultations.outcome.noCase')
                  : t('consultations.outcome.caseState', { state: caseStateLabel(t, outcome.caseState) })}
              </Descriptions.Item>
              {outcome.topicId === null ? null : (
                <Descriptions.Item label={t('consultations.outcome.topic')}>
                  <Link to={staffPaths.topic(outcome.topicId)}>{t('consultations.topic.summary')}</Link>
                </Descriptions.Item>
              )}
              {outcome.reopenCount === 0 ? null : (
                <Descriptions.Item label={t('consultations.outcome.state')}>
                  {t('consultations.outcome.reopenCount', { count: outcome.reopenCount })}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Progress percent={outcome.progress} style={{ marginTop: 12 }} data-testid="outcome-progress" />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('consultations.outcome.ratings')} style={{ height: '100%' }}>
            {totalRatings === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('consultations.outcome.noRatings')}
              />
            ) : (
              <Flex vertical gap={6} data-testid="outcome-ratings">
                {ratings.map((r) => {
                  const n = outcome.ratings[r] ?? 0;
                  return (
                    <Flex key={r} align="center" gap={8}>
                      <Typography.Text style={{ width: 96, flexShrink: 0 }}>
                        {ratingLabel(t, r)}
                      </Typography.Text>
                      <Progress
                        percent={(n / totalRatings) * 100}
                        format={() => String(n)}
                        size="small"
                        style={{ flex: 1, margin: 0 }}
                      />
                    </Flex>
                  );
                })}
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
      <Card title={t('consultations.outcome.history')}>
        <Timeline
          items={progress.map((p) => ({
            key: `${p.at}-${p.kind}`,
            color:
              p.kind === 'reopened' ? 'red' : p.kind === 'done' || p.kind === 'caseClosed' ? 'green' : 'blue',
            content: (
              <Flex vertical gap={2}>
                <Typography.Text strong>
                  {progressKindLabel(t, p.kind)} · {p.progress}%
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTimeShort(p.at, locale)}
                </Typography.Text>
                {p.note === null ? null : <Typography.Text>{p.note}</Typography.Text>}
                {p.evidence === null ? null : (
                  <Typography.Text type="secondary">
                    {t('consultations.outcome.evidence')}: {p.evidence}
                  </Typography.Text>
                )}
              </Flex>
            ),
          }))}
        />
      </Card>
      {isReporting ? (
        <ReportDialog
          outcome={outcome}
          onClose={() => setIsReporting(false)}
          onSaved={() => {
            setIsReporting(false);
            reload();
          }}
        />
      ) : null}
    </Flex>
  );
};
