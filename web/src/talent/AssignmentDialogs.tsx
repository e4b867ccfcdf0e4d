// Putting a talent to work — on a grassroots post named here (放到基层岗位锻炼培养), or on the need it was suggested for
// — and completing an assignment with what was done and an evaluation.
import { App, DatePicker, Form, Input, Modal, Rate, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { districtInstant } from '../common/forms';
import { FormProblem, useFormSubmit, type FieldMap } from '../common/useFormSubmit';
import { assignTalent, completeAssignment, type Assignment, type Need } from './api';

const ASSIGN_FIELDS: FieldMap = {
  title: ['title'],
  startsAt: ['startsAt'],
  endsAt: ['endsAt'],
  record: ['record'],
};

const COMPLETE_FIELDS: FieldMap = {
  endsAt: ['endsAt'],
  outcome: ['outcome'],
  rating: ['rating'],
  record: ['record'],
};

/** The district's midnight at the start of a picked day. */
const dayStart = (picked: Dayjs): number => districtInstant(picked.startOf('day'));

type AssignValues = { title?: string; startsAt: Dayjs; endsAt?: Dayjs | null; record?: string };

export const AssignDialog = ({
  profileId,
  profileName,
  need,
  onClose,
  onAssigned,
}: {
  profileId: string;
  profileName: string;
  /** The need the talent is put to; undefined for a grassroots post named in the dialog. */
  need?: Need;
  onClose: () => void;
  onAssigned: (a: Assignment) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const { submit, isSaving, error } = useFormSubmit(form, ASSIGN_FIELDS, async (v) => {
    const title = (v.title ?? '').trim();
    const { item } = await assignTalent(profileId, {
      targetKind: need?.kind ?? 'grassroots',
      targetId: need?.id ?? null,
      title: title === '' ? null : title,
      // Today starts now, so an assignment made and completed today still ends after it starts.
      startsAt: v.startsAt.isSame(dayjs(), 'day') ? Date.now() : dayStart(v.startsAt),
      endsAt: v.endsAt === undefined || v.endsAt === null ? null : dayStart(v.endsAt.add(1, 'day')) - 1,
      record: (v.record ?? '').trim(),
    });
    void message.success(t('talent.assign.done'));
    onAssigned(item);
  });
  return (
    <Modal
      open
      title={t('talent.assign.title')}
      okText={t('talent.assign.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving, 'data-testid': 'assign-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Typography.Text strong>{profileName}</Typography.Text>
        {need === undefined ? null : (
          <>
            <br />
            <Typography.Text type="secondary">
              {t('talent.assign.forNeed', { title: need.title })}
            </Typography.Text>
          </>
        )}
      </Typography.Paragraph>
      <Form<AssignValues> form={form} layout="vertical" initialValues={{ startsAt: dayjs() }}>
        <Form.Item
          name="title"
          label={need === undefined ? t('talent.assign.postTitle') : t('talent.assign.note')}
          rules={
            need === undefined
              ? [{ required: true, whitespace: true, message: t('talent.assign.postTitleRequired') }]
              : []
          }
        >
          <Input
            maxLength={100}
            placeholder={need === undefined ? t('talent.assign.postTitlePlaceholder') : need.title}
            data-testid="assign-title"
          />
        </Form.Item>
        <Form.Item
          name="startsAt"
          label={t('talent.assign.startsAt')}
          rules={[{ required: true, message: t('talent.assign.startsAtRequired') }]}
        >
          <DatePicker style={{ width: 200 }} allowClear={false} data-testid="assign-starts" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('talent.assign.endsAt')}>
          <DatePicker style={{ width: 200 }} data-testid="assign-ends" />
        </Form.Item>
        <Form.Item name="record" label={t('talent.assign.record')}>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            placeholder={t('talent.assign.recordPlaceholder')}
            data-testid="assign-record"
          />
        </Form.Item>
      </Form>
      <FormProblem error={error} />
    </Modal>
  );
};

type CompleteValues = { endsAt?: Dayjs | null; outcome: string; rating: number; record?: string };

export const CompleteDialog = ({
  profileId,
  assignment,
  onClose,
  onCompleted,
}: {
  profileId: string;
  assignment: Assignment;
  onClose: () => void;
  onCompleted: (a: Assignment) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompleteValues>();
  const { submit, isSaving, error } = useFormSubmit(form, COMPLETE_FIELDS, async (v) => {
    const { item } = await completeAssignment(profileId, assignment.id, {
      // Today (or no date) ends now; an earlier day ends at its close.
      endsAt:
        v.endsAt === undefined || v.endsAt === null || v.endsAt.isSame(dayjs(), 'day')
          ? null
          : dayStart(v.endsAt.add(1, 'day')) - 1,
      outcome: v.outcome.trim(),
      rating: v.rating,
      record: (v.record ?? '').trim(),
    });
    void message.success(t('talent.complete.done'));
    onCompleted(item);
  });
  return (
    <Modal
      open
      title={t('talent.complete.title', { title: assignment.title })}
      okText={t('talent.complete.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving, 'data-testid': 'complete-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CompleteValues> form={form} layout="vertical">
        <Form.Item
          name="outcome"
          label={t('talent.complete.outcome')}
          rules={[{ required: true, whitespace: true, message: t('talent.complete.outcomeRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="complete-outcome" />
        </Form.Item>
        <Form.Item
          name="rating"
          label={t('talent.complete.rating')}
          rules={[{ required: true, type: 'number', min: 1, message: t('talent.complete.ratingRequired') }]}
        >
          <Rate data-testid="complete-rating" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('talent.complete.endsAt')}>
          <DatePicker style={{ width: 200 }} data-testid="complete-ends" />
        </Form.Item>
        <Form.Item name="record" label={t('talent.complete.record')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="complete-record" />
        </Form.Item>
      </Form>
      <FormProblem error={error} />
    </Modal>
  );
};
