// The convener takes in a member (or renews a member's commitment): an organisation in scope and what it commits to.
import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { OrgPicker } from '../orgs/OrgPicker';
import { signMember } from './api';

export const AddMemberDialog = ({
  allianceId,
  onClose,
  onAdded,
}: {
  allianceId: string;
  onClose: () => void;
  onAdded: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ commitment: string }>();
  const [orgId, setOrgId] = useState<string | null>(null);
  const [isOrgMissing, setIsOrgMissing] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    setIsOrgMissing(orgId === null);
    const v = await form.validateFields();
    if (orgId === null) {
      return;
    }
    setIsSaving(true);
    setError(undefined);
    try {
      await signMember(allianceId, { orgId, commitment: v.commitment.trim() });
      void message.success(t('alliance.members.added'));
      onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('alliance.members.addTitle')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving, 'data-testid': 'member-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          label={t('alliance.members.org')}
          required
          validateStatus={isOrgMissing ? 'error' : undefined}
          help={isOrgMissing ? t('alliance.members.orgRequired') : t('alliance.members.orgPlaceholder')}
        >
          <OrgPicker
            value={orgId}
            onChange={(id) => {
              setOrgId(id);
              setIsOrgMissing(false);
            }}
            testId="member-org"
          />
        </Form.Item>
        <Form.Item
          name="commitment"
          label={t('alliance.members.commitment')}
          rules={[{ required: true, whitespace: true, message: t('alliance.members.commitmentRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="member-commitment" />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
