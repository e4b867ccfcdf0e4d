// One workflow action as a dialog with exactly the inputs the action takes (comment, department, minutes, card,
// photos, merge target); which actions are offered and what each takes come from the server (allowedActions and
// actionInputs).
import { useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Radio, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  applyAction,
  fetchDispatchTargets,
  type ActionBody,
  type ActionInput,
  type CaseDetail,
  type Department,
} from './api';
import { actionLabel } from './labels';
import { PhotoPicker } from './PhotoPicker';
import type { PreparedPhoto } from '../common/photos';
import { problemText } from '../common/problemText';
import { useLoader } from '../common/useLoader';

type Need = 'required' | 'optional' | 'none';

/** The inputs the server says this action needs and accepts (the dialog never decides that itself). */
type Inputs = {
  comment: Need;
  photos: Need;
  department: boolean;
  minutes: boolean;
  card: boolean;
  target: boolean;
  isPublic: boolean;
};

const inputsOf = (detail: CaseDetail, action: string): Inputs => {
  const given = detail.actionInputs[action] ?? { needs: [], accepts: [] };
  const has = (input: ActionInput) => given.needs.includes(input) || given.accepts.includes(input);
  const need = (input: ActionInput): Need =>
    given.needs.includes(input) ? 'required' : given.accepts.includes(input) ? 'optional' : 'none';
  return {
    comment: need('comment'),
    photos: need('photo'),
    department: has('department'),
    minutes: has('minutes'),
    card: has('card'),
    target: has('target'),
    isPublic: has('isPublic'),
  };
};

type Values = {
  comment?: string;
  isPublic?: boolean;
  departmentId?: string;
  hours?: number;
  card?: 'yellow' | 'red';
  targetCaseId?: string;
};

type Props = {
  caseId: string;
  action: string;
  detail: CaseDetail;
  /** Not used for dispatch: the dialog asks the server where this case may go. */
  departments?: Department[];
  initialTarget?: string;
  onClose: () => void;
  onDone: () => void;
};

export const ActionDialog = ({ caseId, action, detail, initialTarget, onClose, onDone }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<PreparedPhoto[]>([]);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputs = inputsOf(detail, action);
  const label = actionLabel(t, action);
  // Only the case's own town's platform offices and the district departments, as the server decides.
  const targets = useLoader(
    (signal) => (inputs.department ? fetchDispatchTargets(caseId, signal) : Promise.resolve({ items: [] })),
    [caseId, inputs.department],
  );

  const submit = async (values: Values) => {
    if (inputs.photos === 'required' && photos.length === 0) {
      setError(t('cases.action.photoRequired'));
      return;
    }
    setIsSaving(true);
    setError(null);
    const comment = values.comment?.trim();
    const body: ActionBody = {
      action,
      ...(comment === undefined || comment === '' ? {} : { comment }),
      ...(inputs.isPublic ? { isPublic: values.isPublic === true } : {}),
      ...(inputs.department ? { departmentId: values.departmentId } : {}),
      ...(inputs.minutes && values.hours !== undefined ? { minutes: Math.round(values.hours * 60) } : {}),
      ...(inputs.card ? { card: values.card } : {}),
      ...(inputs.target ? { targetCaseId: values.targetCaseId } : {}),
      ...(photos.length === 0 ? {} : { photos: photos.map((p) => ({ data: p.dataUrl })) }),
    };
    try {
      await applyAction(caseId, body);
      void message.success(t('cases.detail.done', { action: label }));
      onDone();
    } catch (failure) {
      const text = problemText(failure, t);
      setError(text.detail === undefined ? text.title : `${text.title}: ${text.detail}`);
    } finally {
      setIsSaving(false);
    }
  };

  const suggested = detail.suggestedDepartmentId;
  return (
    <Modal
      open
      title={label}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={isSaving}
      okText={t('cases.action.confirm')}
      cancelText={t('cases.action.cancel')}
      okButtonProps={{ 'data-testid': 'action-confirm' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          departmentId: suggested ?? undefined,
          card: 'yellow',
          isPublic: action === 'markHandled',
          targetCaseId: initialTarget,
        }}
      >
        {inputs.department ? (
          <Form.Item
            name="departmentId"
            label={t('cases.action.department')}
            rules={[{ required: true, message: t('cases.action.departmentRequired') }]}
            extra={
              detail.routeReason === 'none'
                ? t('cases.detail.routeNone')
                : detail.routeReason === 'ambiguous'
                  ? t('cases.detail.routeAmbiguous')
                  : undefined
            }
          >
            <Select
              data-testid="action-department"
              showSearch={{ optionFilterProp: 'label' }}
              loading={targets.isLoading}
              options={(targets.data?.items ?? []).map((d) => ({
                value: d.id,
                label: d.id === suggested ? `${d.name}${t('cases.action.suggested')}` : d.name,
              }))}
            />
          </Form.Item>
        ) : null}
        {inputs.minutes ? (
          <Form.Item
            name="hours"
            label={t('cases.action.minutes')}
            rules={[{ required: true, message: t('cases.action.minutesRequired') }]}
          >
            <InputNumber
              min={0.5}
              max={24 * 365}
              step={1}
              suffix={t('cases.action.hours')}
              style={{ width: 200 }}
            />
          </Form.Item>
        ) : null}
        {inputs.card ? (
          <Form.Item name="card" label={t('cases.action.card')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'yellow', label: t('cases.supervision.yellow') },
                { value: 'red', label: t('cases.supervision.red') },
              ]}
            />
          </Form.Item>
        ) : null}
        {inputs.target ? (
          <Form.Item
            name="targetCaseId"
            label={t('cases.action.target')}
            rules={[{ required: true, message: t('cases.action.targetRequired') }]}
          >
            <Select
              options={detail.duplicates.map((d) => ({
                value: d.id,
                label: `${d.description.slice(0, 30)} · ${t('cases.detail.distance', { meters: Math.round(d.distanceM) })}`,
              }))}
            />
          </Form.Item>
        ) : null}
        {inputs.comment === 'none' ? null : (
          <Form.Item
            name="comment"
            label={t('cases.action.comment')}
            rules={
              inputs.comment === 'required'
                ? [{ required: true, whitespace: true, message: t('cases.action.commentRequired') }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="action-dialog-comment" />
          </Form.Item>
        )}
        {inputs.isPublic ? (
          <Form.Item name="isPublic" label={t('cases.action.isPublic')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
        {inputs.photos === 'none' ? null : (
          <Form.Item label={t('cases.action.photos')} required={inputs.photos === 'required'}>
            <PhotoPicker value={photos} onChange={setPhotos} testId="action-photo-input" />
          </Form.Item>
        )}
        {inputs.department || inputs.comment !== 'optional' ? null : (
          <Typography.Paragraph type="secondary">
            {t('cases.action.confirmPlain', { action: label })}
          </Typography.Paragraph>
        )}
        {error === null ? null : (
          <Typography.Text type="danger" role="alert">
            {error}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
};
