// Publishes an outcome of the council: what was decided, the unit responsible, the deadline and its weight, the
// topic (and the decision) it comes from, and whether it needs government work, which opens a case of a leaf
// category in the four-platform workflow. Success opens the outcome's page.
import { useMemo } from 'react';
import {
  Alert,
  App,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Spin,
  Switch,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchCatalogue } from '../cases/api';
import { CategoryPicker } from '../cases/CategoryPicker';
import { ProblemAlert } from '../common/ProblemAlert';
import { FormProblem, useFormSubmit, type FieldMap } from '../common/useFormSubmit';
import { useLoader } from '../common/useLoader';
import { fetchCouncil, publishOutcome, staffPaths, type Decision } from './api';
import { blankToNull, pickedDate } from '../common/forms';

type Values = {
  title: string;
  ownerUnit: string;
  deadline?: Dayjs;
  weight?: number | null;
  topicId?: string | null;
  opensCase: boolean;
  categoryCode?: string;
  caseDescription?: string;
};

const FIELDS: FieldMap = {
  title: ['title'],
  ownerUnit: ['ownerUnit'],
  deadline: ['deadline'],
  weight: ['weight'],
  topicId: ['topicId'],
  case: ['categoryCode'],
};

export const PublishOutcomeDialog = ({
  councilId,
  topicId,
  decision,
  onClose,
}: {
  councilId: string;
  /** The topic it comes from, fixed (the topic page); otherwise chosen among the council's topics. */
  topicId?: string;
  /** The closed decision it carries out (a meeting's decision card). */
  decision?: Decision;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const opensCase = Form.useWatch('opensCase', form) ?? false;
  const fixedTopicId = topicId ?? decision?.topicId ?? undefined;
  const council = useLoader((signal) => fetchCouncil(councilId, signal), [councilId]);
  const catalogue = useLoader(
    async (signal) => (opensCase ? (await fetchCatalogue(signal)).items.filter((c) => c.active) : []),
    [opensCase, i18n.language],
  );
  const topics = useMemo(() => council.data?.topics ?? [], [council.data]);
  const fixedTopic = topics.find((topic) => topic.id === fixedTopicId);
  // Offered: the topics the server lets the caller publish an outcome of (deliberated ones).
  const choices = topics.filter((topic) => topic.abilities.includes('publishOutcome'));
  const { submit, isSaving, error } = useFormSubmit(form, FIELDS, async (v) => {
    const answer = await publishOutcome(councilId, {
      title: v.title.trim(),
      ownerUnit: v.ownerUnit.trim(),
      deadline: pickedDate(v.deadline!),
      weight: typeof v.weight === 'number' ? v.weight : undefined,
      topicId: fixedTopicId ?? v.topicId ?? null,
      decisionId: decision?.id ?? null,
      case: v.opensCase
        ? { categoryCode: v.categoryCode ?? '', description: blankToNull(v.caseDescription) }
        : null,
    });
    void message.success(t('consultations.publish.published'));
    onClose();
    void navigate(staffPaths.outcome(answer.item.id));
  });
  return (
    <Modal
      open
      width={680}
      title={t('consultations.publish.title')}
      okText={t('consultations.publish.submit')}
      cancelText={t('consultations.actions.cancel')}
      okButtonProps={{
        loading: isSaving,
        disabled: council.data === undefined,
        'data-testid': 'publish-submit',
      }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {council.error === undefined ? null : <ProblemAlert error={council.error} onRetry={council.reload} />}
      {council.data === undefined ? (
        <Spin spinning={council.isLoading} />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ title: '', ownerUnit: '', weight: 1, opensCase: false }}
        >
          {decision === undefined && fixedTopic === undefined ? null : (
            <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
              {decision === undefined ? null : (
                <Descriptions.Item label={t('consultations.publish.decision')}>
                  {decision.question}
                </Descriptions.Item>
              )}
              {fixedTopic === undefined ? null : (
                <Descriptions.Item label={t('consultations.publish.topic')}>
                  {fixedTopic.title}
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
          <Form.Item
            name="title"
            label={t('consultations.publish.what')}
            extra={t('consultations.publish.noPersonalData')}
            rules={[{ required: true, whitespace: true, message: t('consultations.publish.whatRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={200} showCount data-testid="publish-title" />
          </Form.Item>
          <Form.Item
            name="ownerUnit"
            label={t('consultations.publish.owner')}
            rules={[{ required: true, whitespace: true, message: t('consultations.publish.ownerRequired') }]}
          >
            <Input maxLength={60} data-testid="publish-owner" />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item
              name="deadline"
              label={t('consultations.publish.deadline')}
              extra={t('consultations.publish.deadlineHint')}
              rules={[{ required: true, message: t('consultations.publish.deadlineRequired') }]}
              style={{ flex: '1 1 200px' }}
            >
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} data-testid="publish-deadline" />
            </Form.Item>
            <Form.Item
              name="weight"
              label={t('consultations.publish.weight')}
              extra={t('consultations.publish.weightHint')}
              style={{ flex: '1 1 160px' }}
            >
              <InputNumber min={0} max={100} style={{ width: '100%' }} data-testid="publish-weight" />
            </Form.Item>
          </Flex>
          {fixedTopicId === undefined ? (
            <Form.Item name="topicId" label={t('consultations.publish.topic')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('consultations.publish.noTopic')}
                options={choices.map((topic) => ({ value: topic.id, label: topic.title }))}
                data-testid="publish-topic"
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="opensCase"
            label={t('consultations.publish.opensCase')}
            extra={t('consultations.publish.opensCaseHint')}
            valuePropName="checked"
          >
            <Switch data-testid="publish-opens-case" />
          </Form.Item>
          {opensCase ? (
            <>
              {catalogue.error === undefined ? null : (
                <ProblemAlert error={catalogue.error} onRetry={catalogue.reload} />
              )}
              <Form.Item
                name="categoryCode"
                label={t('consultations.publish.category')}
                rules={[{ required: true, message: t('consultations.publish.categoryRequired') }]}
              >
                <CategoryPicker
                  items={catalogue.data ?? []}
                  allowClear={false}
                  placeholder={t('consultations.publish.categoryPlaceholder')}
                  testId="publish-category"
                />
              </Form.Item>
              <Form.Item
                name="caseDescription"
                label={t('consultations.publish.caseDescription')}
                extra={t('consultations.publish.caseDescriptionHint')}
              >
                <Input.TextArea rows={3} maxLength={2000} showCount data-testid="publish-case-description" />
              </Form.Item>
              <Alert type="info" showIcon title={t('consultations.publish.caseNote')} />
            </>
          ) : null}
        </Form>
      )}
      <FormProblem error={error} />
    </Modal>
  );
};
