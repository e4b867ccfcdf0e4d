// The one dialog that asks why before an audited act (revealing personal data, exporting a roll): a required reason
// of at least two characters, an optional hint above it, the server's refusal shown in place.
import { useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

export type ReasonDialogProps = {
  open: boolean;
  title: ReactNode;
  /** Shown above the field (what will be recorded, who will see it). */
  hint?: ReactNode;
  hintType?: 'info' | 'warning';
  label?: ReactNode;
  okText?: ReactNode;
  maxLength?: number;
  /** Test id of the text field. */
  fieldTestId?: string;
  /** Runs with the trimmed reason; a thrown error stays in the dialog. */
  onSubmit: (reason: string) => Promise<void> | void;
  onClose: () => void;
};

export const ReasonDialog = ({
  open,
  title,
  hint,
  hintType = 'warning',
  label,
  okText,
  maxLength = 500,
  fieldTestId,
  onSubmit,
  onClose,
}: ReasonDialogProps) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const submit = async () => {
    // An invalid field shows its message in place; the refusal is no error of the page.
    const values = await form.validateFields().catch(() => null);
    if (values === null) {
      return;
    }
    const { reason } = values;
    setIsBusy(true);
    setError(undefined);
    try {
      await onSubmit(reason.trim());
      form.resetFields();
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {hint === undefined ? null : (
        <Alert type={hintType} showIcon title={hint} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={label ?? t('common.reason')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('common.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={maxLength} data-testid={fieldTestId} />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
