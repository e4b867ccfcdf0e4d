// Opens a topic in a council from the console: the branch's own, a party member's proposal, or a case of the
// council's area turned into a topic. Such topics go to the branch's review at once (residents' topics collect
// support on the public page instead). Success opens the topic's page.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { fetchCases } from '../cases/api';
import { ProblemAlert } from '../common/ProblemAlert';
import { FormProblem, useFormSubmit, type FieldMap } from '../common/useFormSubmit';
import { useLoader } from '../common/useLoader';
import { openTopic, staffPaths, staffTopicSources, type Council, type StaffTopicSource } from './api';
import { blankToNull } from '../common/forms';
import { topicSourceLabel } from './labels';

type Values = {
  source: StaffTopicSource;
  title: string;
  body?: string;
  proposerName?: string;
  caseId?: string;
};

const FIELDS: FieldMap = {
  source: ['source'],
  title: ['title'],
  body: ['body'],
  proposerName: ['proposerName'],
  caseId: ['caseId'],
};

/** A case of the council's area, found by its tracking code or words of its description. */
const CasePicker = ({
  orgId,
  value,
  onChange,
}: {
  orgId: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
}) => {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useLoader(
    async (signal) =>
      (await fetchCases({ orgId, q: q.trim() === '' ? undefined : q.trim() }, null, signal)).items,
    [orgId, q],
  );
  return (
    <>
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        allowClear
        value={value}
        onChange={onChange}
        loading={found.isLoading}
        placeholder={t('consultations.topicForm.casePlaceholder')}
        notFoundContent={found.isLoading ? null : t('consultations.topicForm.noCases')}
        options={(found.data ?? []).map((c) => ({
          value: c.id,
          label: `${c.trackingCode} · ${c.description.slice(0, 40)}`,
        }))}
        data-testid="topic-form-case"
      />
      {found.error === undefined ? null : <ProblemAlert error={found.error} onRetry={found.reload} />}
    </>
  );
};

export const OpenTopicDialog = ({ council, onClose }: { council: Council; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form) ?? 'branch';
  const { submit, isSaving, error } = useFormSubmit(form, FIELDS, async (v) => {
    const answer = await openTopic(council.id, {
      source: v.source,
      title: v.title.trim(),
      body: v.body?.trim() ?? '',
      proposerName: v.source === 'partyMember' ? blankToNull(v.proposerName) : null,
      caseId: v.source === 'case' ? (v.caseId ?? null) : null,
    });
    void message.success(t('consultations.topicForm.opened'));
    onClose();
    void navigate(staffPaths.topic(answer.item.id));
  });
  return (
    <Modal
      open
      width={640}
      title={t('consultations.topicForm.title')}
      okText={t('consultations.actions.submit')}
      cancelText={t('consultations.actions.cancel')}
      okButtonProps={{ loading: isSaving, 'data-testid': 'topic-form-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ source: 'branch', title: '', body: '' }}>
        <Form.Item name="source" label={t('consultations.topic.source')}>
          <Radio.Group
            optionType="button"
            options={staffTopicSources.map((s) => ({ value: s, label: topicSourceLabel(t, s) }))}
            data-testid="topic-form-source"
          />
        </Form.Item>
        {source === 'case' ? (
          <Form.Item
            name="caseId"
            label={t('consultations.topicForm.case')}
            rules={[{ required: true, message: t('consultations.topicForm.caseRequired') }]}
          >
            <CasePicker orgId={council.orgId} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="title"
          label={t('consultations.topicForm.titleLabel')}
          rules={[{ required: true, whitespace: true, message: t('consultations.topicForm.titleRequired') }]}
        >
          <Input maxLength={100} showCount data-testid="topic-form-title" />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('consultations.topicForm.body')}
          extra={t('consultations.publish.noPersonalData')}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="topic-form-body" />
        </Form.Item>
        {source === 'partyMember' ? (
          <Form.Item
            name="proposerName"
            label={t('consultations.topicForm.proposerName')}
            extra={t('consultations.topicForm.proposerNameHint')}
          >
            <Input maxLength={30} data-testid="topic-form-proposer" />
          </Form.Item>
        ) : null}
        <Alert type="info" showIcon title={t('consultations.topicForm.reviewNote')} />
      </Form>
      <FormProblem error={error} />
    </Modal>
  );
};
