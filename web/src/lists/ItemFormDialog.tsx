// Add or change one list item (the body of POST /api/lists/items and PUT /api/lists/items/:id); the server checks
// the caller's reach and answers 403/404/422 with a problem shown in the dialog.
import { useState } from 'react';
import { App, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { districtDay, districtDayAfter } from '../common/forms';
import { ProblemAlert } from '../common/ProblemAlert';
import { showFieldProblems } from './fieldProblems';
import {
  addItem,
  governances,
  itemKinds,
  limitUnits,
  saveItem,
  storedStatuses,
  type Governance,
  type ItemBody,
  type ItemKind,
  type ListItem,
  type ListLevel,
  type StoredStatus,
  type TimeLimit,
} from './api';
import { governanceLabel, itemStatusLabel, kindLabel, unitLabel } from './labels';

type FormValues = {
  kind: ItemKind;
  code: string;
  title: string;
  basis: string;
  steps: string;
  documents: string;
  hasLimit: boolean;
  limitAmount: number | null;
  limitUnit: TimeLimit['unit'];
  responsible: string;
  governance: Governance;
  status: StoredStatus;
  expiresAt: Dayjs | null;
  categoryCode: string;
  taskCode: string;
  note: string;
};

const CODE = /^[A-Za-z0-9._-]+$/;

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

const isStoredStatus = (s: string): s is StoredStatus => (storedStatuses as readonly string[]).includes(s);
const isKind = (s: string): s is ItemKind => (itemKinds as readonly string[]).includes(s);
const isGovernance = (s: string): s is Governance => (governances as readonly string[]).includes(s);

const initialValues = (item: ListItem | null, kind: ItemKind): FormValues => ({
  kind: item !== null && isKind(item.kind) ? item.kind : kind,
  code: item?.code ?? '',
  title: item?.title ?? '',
  basis: item?.basis ?? '',
  steps: (item?.steps ?? []).join('\n'),
  documents: (item?.documents ?? []).join('\n'),
  hasLimit: item !== null && item.timeLimit !== null,
  limitAmount: item?.timeLimit?.amount ?? 5,
  limitUnit: item?.timeLimit?.unit ?? 'workDays',
  responsible: item?.responsible ?? '',
  governance: item !== null && isGovernance(item.governance) ? item.governance : 'administrative',
  // An expired temporary item is still stored as temporary; its expiry is what changed.
  status:
    item === null
      ? 'inForce'
      : item.status === 'expired'
        ? 'temporary'
        : isStoredStatus(item.status)
          ? item.status
          : 'inForce',
  expiresAt: item === null || item.expiresAt === null ? null : districtDay(item.expiresAt),
  categoryCode: item?.categoryCode ?? '',
  taskCode: item?.taskCode ?? '',
  note: '',
});

export const ItemFormDialog = ({
  target,
  item,
  defaultKind,
  onClose,
  onSaved,
}: {
  target: { ownerOrgId: string; level: ListLevel };
  /** null adds a new item. */
  item: ListItem | null;
  defaultKind: ItemKind;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const hasLimit = Form.useWatch('hasLimit', form);
  const status = Form.useWatch('status', form);

  const submit = async () => {
    // A failed check marks the fields itself; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (v === null) {
      return;
    }
    const body: ItemBody = {
      ownerOrgId: target.ownerOrgId,
      level: target.level,
      kind: v.kind,
      code: v.code.trim(),
      title: v.title.trim(),
      basis: v.basis.trim(),
      steps: lines(v.steps),
      documents: lines(v.documents),
      timeLimit: v.hasLimit && v.limitAmount !== null ? { amount: v.limitAmount, unit: v.limitUnit } : null,
      responsible: v.responsible.trim(),
      governance: v.governance,
      status: v.status,
      // Valid through the picked day of the district: its last instant, whatever the browser's zone.
      expiresAt: v.status === 'temporary' && v.expiresAt !== null ? districtDayAfter(v.expiresAt) - 1 : null,
      categoryCode: v.categoryCode.trim() === '' ? null : v.categoryCode.trim(),
      taskCode: v.taskCode.trim() === '' ? null : v.taskCode.trim(),
      ...(v.note.trim() === '' ? {} : { note: v.note.trim() }),
    };
    setError(undefined);
    setIsSaving(true);
    try {
      await (item === null ? addItem(body) : saveItem(item.id, body));
      void message.success(t('lists.form.saved'));
      onSaved();
    } catch (failure) {
      setError(failure);
      showFieldProblems(form, failure, { timeLimit: 'limitAmount' });
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={item === null ? t('lists.form.addTitle') : t('lists.form.editTitle')}
      okText={t('lists.form.save')}
      cancelText={t('lists.form.cancel')}
      confirmLoading={isSaving}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'item-save' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(item, defaultKind)}
        data-testid="item-form"
      >
        <Flex gap={12} wrap>
          <Form.Item name="kind" label={t('lists.form.kind')} style={{ minWidth: 160 }}>
            <Select options={itemKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('lists.form.code')}
            tooltip={t('lists.form.codeHint')}
            style={{ minWidth: 160 }}
            rules={[
              { required: true, whitespace: true, message: t('lists.form.codeRequired') },
              { pattern: CODE, message: t('lists.form.codeInvalid') },
            ]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('lists.form.title')}
            style={{ flex: 1, minWidth: 220 }}
            rules={[{ required: true, whitespace: true, message: t('lists.form.titleRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="responsible"
          label={t('lists.form.responsible')}
          rules={[{ required: true, whitespace: true, message: t('lists.form.responsibleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="basis" label={t('lists.form.basis')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="steps"
            label={t('lists.form.steps')}
            extra={t('lists.form.stepsHint')}
            style={{ flex: 1, minWidth: 240 }}
          >
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item
            name="documents"
            label={t('lists.form.documents')}
            extra={t('lists.form.documentsHint')}
            style={{ flex: 1, minWidth: 240 }}
          >
            <Input.TextArea rows={5} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap align="end">
          <Form.Item name="hasLimit" valuePropName="checked">
            <Checkbox>{t('lists.form.hasLimit')}</Checkbox>
          </Form.Item>
          {hasLimit ? (
            <>
              <Form.Item name="limitAmount" label={t('lists.form.limitAmount')} rules={[{ required: true }]}>
                <InputNumber min={0.5} max={10000} step={1} />
              </Form.Item>
              <Form.Item name="limitUnit" label={t('lists.form.limitUnit')} style={{ minWidth: 140 }}>
                <Select options={limitUnits.map((u) => ({ value: u, label: unitLabel(t, u) }))} />
              </Form.Item>
            </>
          ) : null}
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="governance" label={t('lists.form.governance')} style={{ minWidth: 160 }}>
            <Select options={governances.map((g) => ({ value: g, label: governanceLabel(t, g) }))} />
          </Form.Item>
          <Form.Item name="status" label={t('lists.form.status')} style={{ minWidth: 140 }}>
            <Select options={storedStatuses.map((s) => ({ value: s, label: itemStatusLabel(t, s) }))} />
          </Form.Item>
          {status === 'temporary' ? (
            <Form.Item
              name="expiresAt"
              label={t('lists.form.expiresAt')}
              rules={[{ required: true, message: t('lists.form.expiresRequired') }]}
            >
              <DatePicker />
            </Form.Item>
          ) : null}
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item
            name="categoryCode"
            label={t('lists.form.categoryCode')}
            style={{ flex: 1, minWidth: 200 }}
          >
            <Input maxLength={40} placeholder={t('lists.form.optional')} />
          </Form.Item>
          <Form.Item name="taskCode" label={t('lists.form.taskCode')} style={{ flex: 1, minWidth: 200 }}>
            <Input maxLength={60} placeholder={t('lists.form.optional')} />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('lists.form.note')}>
          <Input maxLength={500} placeholder={t('lists.form.notePlaceholder')} />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
