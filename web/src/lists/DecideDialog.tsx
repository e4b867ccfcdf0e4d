// The district approves or refuses one application, with a note (required for a refusal).
import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { decideAdmission, type Admission } from './api';

export const DecideDialog = ({
  item,
  approve,
  onClose,
  onDecided,
}: {
  item: Admission;
  approve: boolean;
  onClose: () => void;
  onDecided: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async () => {
    // A failed check marks the field itself; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (values === null) {
      return;
    }
    const { note } = values;
    const text = (note ?? '').trim();
    setError(undefined);
    setIsSaving(true);
    try {
      await decideAdmission(item.id, { approve, note: text === '' ? null : text });
      void message.success(approve ? t('lists.decide.approved') : t('lists.decide.refused'));
      onDecided();
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
        approve
          ? t('lists.decide.approveTitle', { title: item.title })
          : t('lists.decide.refuseTitle', { title: item.title })
      }
      okText={t('lists.decide.confirm')}
      cancelText={t('lists.decide.cancel')}
      okButtonProps={{ danger: !approve, 'data-testid': 'decide-confirm' }}
      confirmLoading={isSaving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={t('lists.decide.note')}
          rules={
            approve ? [] : [{ required: true, whitespace: true, message: t('lists.decide.noteRequired') }]
          }
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="decide-note" />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
