// A department's application to put a task on grid workers: kind, code, name, reason, expected weekly load and,
// for an emergency addition, how many days it runs.
import { useState } from 'react';
import { App, Checkbox, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { showFieldProblems } from './fieldProblems';
import { applyForTask, taskKinds, type ApplyBody, type TaskKind } from './api';
import { taskKindLabel } from './labels';

type FormValues = {
  taskKind: TaskKind;
  taskCode: string;
  title: string;
  reason: string;
  weeklyLoad: number;
  isEmergency: boolean;
  durationDays: number | null;
};

const CODE = /^[A-Za-z0-9._-]+$/;

export const ApplyDialog = ({ onClose, onApplied }: { onClose: () => void; onApplied: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const isEmergency = Form.useWatch('isEmergency', form);

  const submit = async () => {
    // A failed check marks the fields itself; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (v === null) {
      return;
    }
    const body: ApplyBody = {
      taskKind: v.taskKind,
      taskCode: v.taskCode.trim(),
      title: v.title.trim(),
      reason: v.reason.trim(),
      weeklyLoad: v.weeklyLoad,
      durationDays: v.durationDays ?? null,
      isEmergency: v.isEmergency,
    };
    setError(undefined);
    setIsSaving(true);
    try {
      await applyForTask(body);
      void message.success(t('lists.apply.submitted'));
      onApplied();
    } catch (failure) {
      setError(failure);
      showFieldProblems(form, failure);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('lists.apply.dialogTitle')}
      okText={t('lists.apply.submit')}
      cancelText={t('lists.apply.cancel')}
      confirmLoading={isSaving}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'apply-submit' }}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ taskKind: 'survey', weeklyLoad: 1, isEmergency: false, durationDays: null }}
        data-testid="apply-form"
      >
        <Flex gap={12} wrap>
          <Form.Item name="taskKind" label={t('lists.apply.taskKind')} style={{ minWidth: 160 }}>
            <Select options={taskKinds.map((k) => ({ value: k, label: taskKindLabel(t, k) }))} />
          </Form.Item>
          <Form.Item
            name="taskCode"
            label={t('lists.apply.taskCode')}
            extra={t('lists.apply.taskCodeHint')}
            style={{ flex: 1, minWidth: 200 }}
            rules={[
              { required: true, whitespace: true, message: t('lists.apply.taskCodeRequired') },
              { pattern: CODE, message: t('lists.apply.taskCodeInvalid') },
            ]}
          >
            <Input maxLength={60} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="title"
          label={t('lists.apply.title')}
          rules={[{ required: true, whitespace: true, message: t('lists.apply.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('lists.apply.reason')}
          rules={[{ required: true, whitespace: true, message: t('lists.apply.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Flex gap={12} wrap align="end">
          <Form.Item name="weeklyLoad" label={t('lists.apply.weeklyLoad')} rules={[{ required: true }]}>
            <InputNumber min={0} max={500} precision={0} />
          </Form.Item>
          <Form.Item name="isEmergency" valuePropName="checked">
            <Checkbox>{t('lists.apply.isEmergency')}</Checkbox>
          </Form.Item>
          <Form.Item
            name="durationDays"
            label={t('lists.apply.durationDays')}
            extra={t('lists.apply.durationHint')}
            rules={[{ required: isEmergency, message: t('lists.apply.durationRequired') }]}
          >
            <InputNumber min={1} max={3650} precision={0} />
          </Form.Item>
        </Flex>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
