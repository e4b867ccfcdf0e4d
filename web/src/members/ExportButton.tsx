// Export of a subtree's members to .xlsx: asks for the reason the server records, then downloads.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { exportUrl } from './api';

export const ExportButton = ({ orgId }: { orgId: string }) => {
  const { t } = useTranslation();
  const canExport = useAbility('member.export');
  const [isOpen, setIsOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (!canExport) {
    return null;
  }
  const submit = async () => {
    const { reason } = await form.validateFields();
    const link = document.createElement('a');
    link.href = exportUrl(orgId, reason.trim());
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
    setIsOpen(false);
  };
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setIsOpen(true)} data-testid="export-button">
        {t('orgSystem.members.export')}
      </Button>
      <Modal
        open={isOpen}
        title={t('orgSystem.members.exportTitle')}
        okText={t('orgSystem.members.export')}
        cancelText={t('orgSystem.ops.cancel')}
        onOk={() => void submit()}
        onCancel={() => setIsOpen(false)}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('orgSystem.members.exportHint')} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('orgSystem.ops.reason')}
            rules={[{ required: true, min: 2, whitespace: true, message: t('orgSystem.ops.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};
