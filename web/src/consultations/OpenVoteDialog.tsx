// Opens a vote of any decision type in a meeting: question, the topic on the agenda it decides, options and rules.
import { useState } from 'react';
import { App, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { decisionTypes, openVote, type DecisionType, type OpenVoteBody, type Topic } from './api';
import { needsOptions } from './BallotInput';
import { decisionTypeLabel } from './labels';

type Values = {
  type: DecisionType;
  question: string;
  topicId?: string;
  options?: string;
  quorum?: number | null;
  passThreshold?: number | null;
  isThresholdInclusive?: boolean;
  dots?: number | null;
};

const NO_TOPIC = '';

export const OpenVoteDialog = ({
  meetingId,
  agenda,
  onClose,
  onOpened,
}: {
  meetingId: string;
  agenda: Topic[];
  onClose: () => void;
  onOpened: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? 'approval';
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    const config: NonNullable<OpenVoteBody['config']> = {};
    if (typeof v.quorum === 'number') {
      config.quorum = v.quorum;
    }
    if (v.type === 'approval' || v.type === 'showOfHands') {
      if (typeof v.passThreshold === 'number') {
        config.passThreshold = v.passThreshold / 100;
      }
      config.isThresholdInclusive = v.isThresholdInclusive === true;
    }
    if (v.type === 'dotVote' && typeof v.dots === 'number') {
      config.dots = v.dots;
    }
    setIsSaving(true);
    setError(undefined);
    try {
      await openVote(meetingId, {
        type: v.type,
        question: v.question.trim(),
        topicId: v.topicId === undefined || v.topicId === NO_TOPIC ? null : v.topicId,
        options: needsOptions(v.type)
          ? (v.options ?? '')
              .split('\n')
              .map((o) => o.trim())
              .filter((o) => o !== '')
          : undefined,
        config,
      });
      void message.success(t('consultations.decision.opened'));
      onOpened();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      width={600}
      title={t('consultations.decision.openTitle')}
      okText={t('consultations.decision.open')}
      cancelText={t('consultations.actions.cancel')}
      okButtonProps={{ loading: isSaving }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ type: 'approval', topicId: agenda[0]?.id ?? NO_TOPIC, passThreshold: 50 }}
      >
        <Form.Item name="type" label={t('consultations.decision.type')} rules={[{ required: true }]}>
          <Select
            data-testid="vote-type"
            options={decisionTypes.map((d) => ({ value: d, label: decisionTypeLabel(t, d) }))}
          />
        </Form.Item>
        <Form.Item
          name="question"
          label={t('consultations.decision.question')}
          rules={[{ required: true, whitespace: true, message: t('consultations.decision.question') }]}
        >
          <Input maxLength={300} data-testid="vote-question" />
        </Form.Item>
        <Form.Item name="topicId" label={t('consultations.decision.topic')}>
          <Select
            options={[
              { value: NO_TOPIC, label: t('consultations.decision.noTopic') },
              ...agenda.map((a) => ({ value: a.id, label: a.title })),
            ]}
          />
        </Form.Item>
        {needsOptions(type) ? (
          <Form.Item
            name="options"
            label={t('consultations.decision.options')}
            extra={t('consultations.decision.optionsHint')}
            rules={[
              {
                validator: (_, value: string | undefined) =>
                  (value ?? '').split('\n').filter((o) => o.trim() !== '').length >= 2
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('consultations.decision.optionsRequired'))),
              },
            ]}
          >
            <Input.TextArea rows={4} data-testid="vote-options" />
          </Form.Item>
        ) : null}
        {type === 'consensus' ? null : (
          <Form.Item name="quorum" label={t('consultations.decision.quorum')}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: 200 }} />
          </Form.Item>
        )}
        {type === 'approval' || type === 'showOfHands' ? (
          <>
            <Form.Item name="passThreshold" label={t('consultations.decision.passThreshold')}>
              <InputNumber min={0} max={100} precision={1} suffix="%" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="isThresholdInclusive" valuePropName="checked">
              <Checkbox>{t('consultations.decision.isThresholdInclusive')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
        {type === 'dotVote' ? (
          <Form.Item name="dots" label={t('consultations.decision.dots')}>
            <InputNumber min={1} max={20} precision={0} style={{ width: 200 }} />
          </Form.Item>
        ) : null}
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
