// A council's settings: its name, its room, and the support rule for residents' topics (supporters within days).
// Only what changed is sent; topics already collecting keep the rule they opened with.
import { useState } from 'react';
import { Alert, App, Flex, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { updateCouncil, type Council, type CouncilSettingsBody } from './api';
import { markFieldErrors } from '../common/forms';

type Values = { name: string; place: string; supportThreshold: number; supportDays: number };

const FIELDS: Record<string, (string | number)[]> = {
  name: ['name'],
  place: ['place'],
  supportThreshold: ['supportThreshold'],
  supportDays: ['supportDays'],
};

export const CouncilSettingsDialog = ({
  council,
  onClose,
  onSaved,
}: {
  council: Council;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    const patch: CouncilSettingsBody = {};
    if (v.name.trim() !== council.name) {
      patch.name = v.name.trim();
    }
    if (v.place.trim() !== council.place) {
      patch.place = v.place.trim();
    }
    if (v.supportThreshold !== council.supportThreshold) {
      patch.supportThreshold = v.supportThreshold;
    }
    if (v.supportDays !== council.supportDays) {
      patch.supportDays = v.supportDays;
    }
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setIsSaving(true);
    setError(undefined);
    try {
      await updateCouncil(council.id, patch);
      void message.success(t('consultations.settings.saved'));
      onSaved();
    } catch (failure) {
      markFieldErrors(form, failure, FIELDS, t('consultations.form.checkField'));
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('consultations.settings.title')}
      okText={t('consultations.actions.save')}
      cancelText={t('consultations.actions.cancel')}
      okButtonProps={{ loading: isSaving, 'data-testid': 'settings-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          name: council.name,
          place: council.place,
          supportThreshold: council.supportThreshold,
          supportDays: council.supportDays,
        }}
      >
        <Form.Item
          name="name"
          label={t('consultations.councils.name')}
          rules={[{ required: true, whitespace: true, message: t('consultations.settings.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="settings-name" />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('consultations.councils.place')}
          extra={t('consultations.settings.placeHint')}
          rules={[{ required: true, whitespace: true, message: t('consultations.settings.placeRequired') }]}
        >
          <Input maxLength={200} data-testid="settings-place" />
        </Form.Item>
        <Form.Item label={t('consultations.councils.supportRule')} required style={{ marginBottom: 8 }}>
          <Flex gap={8} align="baseline" wrap>
            <Form.Item
              name="supportDays"
              noStyle
              rules={[{ required: true, message: t('consultations.settings.daysRequired') }]}
            >
              <InputNumber
                min={1}
                max={365}
                precision={0}
                style={{ width: 96 }}
                data-testid="settings-days"
              />
            </Form.Item>
            <span>{t('consultations.settings.daysUnit')}</span>
            <Form.Item
              name="supportThreshold"
              noStyle
              rules={[{ required: true, message: t('consultations.settings.thresholdRequired') }]}
            >
              <InputNumber
                min={1}
                max={1000}
                precision={0}
                style={{ width: 96 }}
                data-testid="settings-threshold"
              />
            </Form.Item>
            <span>{t('consultations.settings.thresholdUnit')}</span>
          </Flex>
        </Form.Item>
        <Alert type="info" showIcon title={t('consultations.settings.ruleNote')} />
      </Form>
      {error === undefined ? null : (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={error} />
        </div>
      )}
    </Modal>
  );
};
