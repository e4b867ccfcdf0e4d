// The dialogs of a sheet line: the village's self score with its note and evidence (attached once, reused by any
// line), and the town's adjustment with its reason.
import { useState } from 'react';
import { App, Button, Divider, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import {
  attachEvidence,
  enterSelfScore,
  evidenceKinds,
  fetchEvidence,
  reviewLine,
  type EvidenceKind,
  type SheetLine,
} from './api';
import { evidenceKindLabel, msg } from './labels';

type SelfForm = { points: number | null; note: string; evidenceIds: string[] };
type EvidenceForm = { kind: EvidenceKind; title: string; url: string; note: string };

export const SelfScoreDialog = ({
  sheetId,
  line,
  onClose,
  onSaved,
}: {
  sheetId: string;
  line: SheetLine;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SelfForm>();
  const [attachForm] = Form.useForm<EvidenceForm>();
  const evidence = useLoader((signal) => fetchEvidence(sheetId, signal), [sheetId]);
  const [isAttaching, setIsAttaching] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const save = async (values: SelfForm) => {
    setIsSaving(true);
    setError(undefined);
    try {
      await enterSelfScore(sheetId, line.code, {
        points: values.points,
        note: values.note.trim() === '' ? null : values.note.trim(),
        evidenceIds: values.evidenceIds,
      });
      void message.success(t('assessment.sheet.saved'));
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  const attach = async (values: EvidenceForm) => {
    setError(undefined);
    try {
      const r = await attachEvidence(sheetId, {
        kind: values.kind,
        title: values.title.trim(),
        url: values.url.trim(),
        note: values.note.trim() === '' ? null : values.note.trim(),
      });
      void message.success(t('assessment.sheet.attached'));
      form.setFieldValue('evidenceIds', [...(form.getFieldValue('evidenceIds') as string[]), r.item.id]);
      attachForm.resetFields();
      setIsAttaching(false);
      evidence.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Modal
      open
      title={t('assessment.sheet.selfTitle', { name: msg(line.name) })}
      okText={t('assessment.sheet.save')}
      cancelText={t('assessment.sheet.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: isSaving, 'data-testid': 'self-save' }}
      destroyOnHidden
    >
      {line.evidenceRule === null ? null : (
        <Typography.Paragraph type="secondary">
          {t('assessment.sheet.evidenceRule', { rule: msg(line.evidenceRule) })}
        </Typography.Paragraph>
      )}
      {error === undefined ? null : <ProblemAlert error={error} />}
      <Form<SelfForm>
        form={form}
        layout="vertical"
        initialValues={{
          points: line.selfPoints,
          note: line.selfNote ?? '',
          evidenceIds: line.evidence.map((e) => e.id),
        }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="points" label={`${t('assessment.sheet.selfPoints')} (0–${line.maxPoints})`}>
          <InputNumber
            min={0}
            max={line.maxPoints}
            step={1}
            style={{ width: 160 }}
            data-testid="self-points"
          />
        </Form.Item>
        <Form.Item name="note" label={t('assessment.sheet.selfNote')}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="self-note" />
        </Form.Item>
        <Form.Item name="evidenceIds" label={t('assessment.sheet.selfEvidence')}>
          <Select
            mode="multiple"
            loading={evidence.isLoading}
            data-testid="self-evidence"
            options={(evidence.data?.items ?? []).map((e) => ({
              value: e.id,
              label: `${evidenceKindLabel(t, e.kind)} · ${e.title}`,
            }))}
          />
        </Form.Item>
      </Form>
      {isAttaching ? (
        <>
          <Divider plain>{t('assessment.sheet.attachTitle')}</Divider>
          <Form<EvidenceForm>
            form={attachForm}
            layout="vertical"
            initialValues={{ kind: 'file', title: '', url: '', note: '' }}
            onFinish={(v) => void attach(v)}
          >
            <Form.Item name="kind" label={t('assessment.sheet.evidenceKind')}>
              <Select options={evidenceKinds.map((k) => ({ value: k, label: evidenceKindLabel(t, k) }))} />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('assessment.sheet.evidenceTitle')}
              rules={[{ required: true, whitespace: true, message: t('assessment.sheet.titleRequired') }]}
            >
              <Input maxLength={100} data-testid="evidence-title" />
            </Form.Item>
            <Form.Item
              name="url"
              label={t('assessment.sheet.evidenceUrl')}
              rules={[
                { required: true, min: 2, whitespace: true, message: t('assessment.sheet.urlRequired') },
              ]}
            >
              <Input maxLength={500} data-testid="evidence-url" />
            </Form.Item>
            <Form.Item name="note" label={t('assessment.sheet.evidenceNote')}>
              <Input maxLength={500} />
            </Form.Item>
            <Flex gap={8} justify="end">
              <Button onClick={() => setIsAttaching(false)}>{t('assessment.sheet.cancel')}</Button>
              <Button type="primary" htmlType="submit" data-testid="evidence-add">
                {t('assessment.sheet.attach')}
              </Button>
            </Flex>
          </Form>
        </>
      ) : (
        <Button icon={<PlusOutlined />} onClick={() => setIsAttaching(true)} data-testid="evidence-open">
          {t('assessment.sheet.attach')}
        </Button>
      )}
    </Modal>
  );
};

type ReviewForm = { points: number | null; reason: string };

export const ReviewLineDialog = ({
  sheetId,
  line,
  onClose,
  onSaved,
}: {
  sheetId: string;
  line: SheetLine;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewForm>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const save = async (values: ReviewForm) => {
    setIsSaving(true);
    setError(undefined);
    try {
      await reviewLine(sheetId, line.code, { points: values.points ?? null, reason: values.reason.trim() });
      void message.success(t('assessment.sheet.saved'));
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('assessment.sheet.reviewTitle', { name: msg(line.name) })}
      okText={t('assessment.sheet.save')}
      cancelText={t('assessment.sheet.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: isSaving, 'data-testid': 'review-save' }}
      destroyOnHidden
    >
      {error === undefined ? null : <ProblemAlert error={error} />}
      <Form<ReviewForm>
        form={form}
        layout="vertical"
        initialValues={{ points: line.adjustedPoints ?? line.points, reason: line.adjustedReason ?? '' }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="points" label={`${t('assessment.sheet.reviewPoints')} (0–${line.maxPoints})`}>
          <InputNumber min={0} max={line.maxPoints} style={{ width: 160 }} data-testid="review-points" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('assessment.sheet.reviewReason')}
          rules={[{ required: true, whitespace: true, message: t('assessment.sheet.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="review-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

export const ReturnDialog = ({
  onClose,
  onConfirm,
}: {
  onClose: () => void;
  onConfirm: (reason: string) => Promise<void>;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [isSaving, setIsSaving] = useState(false);
  return (
    <Modal
      open
      title={t('assessment.sheet.returnTitle')}
      okText={t('assessment.sheet.return')}
      cancelText={t('assessment.sheet.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: isSaving, danger: true, 'data-testid': 'return-confirm' }}
      destroyOnHidden
    >
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setIsSaving(true);
          void onConfirm(v.reason.trim()).finally(() => setIsSaving(false));
        }}
      >
        <Form.Item
          name="reason"
          label={t('assessment.sheet.returnReason')}
          rules={[{ required: true, whitespace: true, message: t('assessment.sheet.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
