// What is done to an agreement afterwards: the provider (or the convener) records what was delivered, the demanding
// member (or the convener) rates it.
import { useState } from 'react';
import { App, Form, Input, Modal, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { evaluateDelivery, recordDelivery, type Match } from './api';

type Props = { allianceId: string; match: Match; onClose: () => void; onDone: () => void };

/** Runs a dialog's request: its error shows in the dialog, success closes it. */
const useSubmit = (onDone: () => void, success: string) => {
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const run = async (call: () => Promise<unknown>) => {
    setIsSaving(true);
    setError(undefined);
    try {
      await call();
      void message.success(success);
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return { error, isSaving, run };
};

export const DeliveryDialog = ({ allianceId, match, onClose, onDone }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const { error, isSaving, run } = useSubmit(onDone, t('alliance.match.delivered'));
  const submit = async () => {
    const v = await form.validateFields();
    await run(() => recordDelivery(allianceId, match.id, { note: v.note.trim() }));
  };
  return (
    <Modal
      open
      title={t('alliance.match.deliverTitle')}
      okText={t('alliance.match.deliver')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving, 'data-testid': 'deliver-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={t('alliance.match.note')}
          rules={[{ required: true, whitespace: true, message: t('alliance.match.noteRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} data-testid="deliver-note" />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};

export const EvaluationDialog = ({ allianceId, match, onClose, onDone }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rating: number; note?: string }>();
  const { error, isSaving, run } = useSubmit(onDone, t('alliance.match.evaluated'));
  const submit = async () => {
    const v = await form.validateFields();
    await run(() =>
      evaluateDelivery(allianceId, match.id, { rating: v.rating, note: (v.note ?? '').trim() }),
    );
  };
  return (
    <Modal
      open
      title={t('alliance.match.evaluateTitle')}
      okText={t('alliance.match.evaluate')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving, 'data-testid': 'evaluate-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="rating"
          label={t('alliance.match.rating')}
          rules={[{ required: true, message: t('alliance.match.ratingRequired') }]}
        >
          <Rate count={5} data-testid="evaluate-rating" />
        </Form.Item>
        <Form.Item name="note" label={t('alliance.match.evaluationNote')}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="evaluate-note" />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
