// Put an admitted task on a grid's worker: the grid found by name or code, the task from the admitted list. The
// server refuses (and counts) a task that is not admitted for the grid or that a negative list bars.
import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { fetchGrids } from '../grids/api';
import { assignTask, type Admission } from './api';
import { taskKindLabel } from './labels';

type FormValues = { gridId: string; taskCode: string; note: string };

export const AssignDialog = ({
  admitted,
  taskCode,
  onClose,
  onAssigned,
}: {
  admitted: Admission[];
  /** The task chosen from its row, if any. */
  taskCode: string | null;
  onClose: () => void;
  onAssigned: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [q, setQ] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const grids = useLoader((signal) => fetchGrids({ q: q.trim() === '' ? undefined : q.trim() }, signal), [q]);

  const submit = async () => {
    // A failed check marks the fields itself; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (v === null) {
      return;
    }
    setError(undefined);
    setIsSaving(true);
    try {
      const done = await assignTask({
        gridId: v.gridId,
        taskCode: v.taskCode,
        ...((v.note ?? '').trim() === '' ? {} : { note: v.note.trim() }),
      });
      void message.success(t('lists.assign.done', { worker: done.workerName, title: done.title }));
      onAssigned();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('lists.assign.title')}
      okText={t('lists.assign.submit')}
      cancelText={t('lists.assign.cancel')}
      confirmLoading={isSaving}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'assign-submit' }}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ taskCode: taskCode ?? undefined, note: '' }}
      >
        <Form.Item
          name="gridId"
          label={t('lists.assign.grid')}
          rules={[{ required: true, message: t('lists.assign.gridRequired') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('lists.assign.gridPlaceholder')}
            loading={grids.isLoading}
            options={(grids.data?.items ?? []).map((g) => ({ value: g.id, label: `${g.name}（${g.code}）` }))}
            data-testid="assign-grid"
          />
        </Form.Item>
        <Form.Item
          name="taskCode"
          label={t('lists.assign.task')}
          rules={[{ required: true, message: t('lists.assign.taskRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={admitted.map((a) => ({
              value: a.taskCode,
              label: `${a.title} · ${taskKindLabel(t, a.taskKind)} · ${a.taskCode}`,
            }))}
            data-testid="assign-task"
          />
        </Form.Item>
        <Form.Item name="note" label={t('lists.assign.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};
