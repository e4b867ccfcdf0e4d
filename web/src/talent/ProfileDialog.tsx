// Files a talent or edits a profile: place, name, kind, skills as tags, summary, availability, consent and the phone
// (on an edit, an empty phone keeps the one on file). A refusal marks the fields the server names.
import { App, Checkbox, Flex, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../cases/OrgSelect';
import { FormProblem, useFormSubmit, type FieldMap } from '../common/useFormSubmit';
import { editTalent, fileTalent, talentKinds, type Talent, type TalentKind, type TalentView } from './api';
import { kindLabel } from './labels';

type Values = {
  orgId?: string;
  name: string;
  kind?: TalentKind;
  skills: string[];
  summary?: string;
  availability?: string;
  weekdays: boolean;
  weekends: boolean;
  consent: boolean;
  phone?: string;
};

/** The body fields the server may name, and where each sits on the form. */
const FIELDS: FieldMap = {
  orgId: ['orgId'],
  name: ['name'],
  kind: ['kind'],
  skills: ['skills'],
  summary: ['summary'],
  availability: ['availability'],
  weekdays: ['weekdays'],
  weekends: ['weekends'],
  consent: ['consent'],
  phone: ['phone'],
};

export const ProfileDialog = ({
  talent,
  defaultOrgId,
  onClose,
  onSaved,
}: {
  /** The profile to edit; undefined to file a new one. */
  talent?: Talent;
  /** The place a new profile starts in (the pool's place filter). */
  defaultOrgId?: string;
  onClose: () => void;
  onSaved: (view: TalentView) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const isEdit = talent !== undefined;

  const { submit, isSaving, error } = useFormSubmit(form, FIELDS, async (v) => {
    const phone = (v.phone ?? '').trim();
    const body = {
      orgId: v.orgId ?? '',
      // Not on this form: kept as filed.
      gridId: talent?.gridId ?? null,
      memberId: talent?.memberId ?? null,
      name: v.name.trim(),
      kind: v.kind ?? 'localExpert',
      skills: v.skills.map((s) => s.trim()).filter((s) => s !== ''),
      summary: (v.summary ?? '').trim(),
      availability: (v.availability ?? '').trim(),
      weekdays: v.weekdays,
      weekends: v.weekends,
      consent: v.consent,
      // A new profile without a phone files none; an edit without one keeps the number on file.
      ...(phone === '' ? (isEdit ? {} : { phone: null }) : { phone }),
    };
    const view = isEdit ? await editTalent(talent.id, body) : await fileTalent(body);
    void message.success(isEdit ? t('talent.form.saved') : t('talent.form.filed'));
    onSaved(view);
  });

  return (
    <Modal
      open
      width={640}
      title={isEdit ? t('talent.form.editTitle') : t('talent.form.fileTitle')}
      okText={t('talent.form.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving, 'data-testid': 'profile-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="profile-form"
        initialValues={
          talent === undefined
            ? { orgId: defaultOrgId, skills: [], weekdays: false, weekends: true, consent: true }
            : {
                orgId: talent.orgId,
                name: talent.name,
                kind: talent.kind,
                skills: talent.skills,
                summary: talent.summary,
                availability: talent.availability,
                weekdays: talent.weekdays,
                weekends: talent.weekends,
                consent: talent.consent,
              }
        }
      >
        <Form.Item
          name="orgId"
          label={t('talent.form.place')}
          rules={[{ required: true, message: t('talent.form.placeRequired') }]}
        >
          <OrgSelect testId="profile-place" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="name"
            label={t('talent.form.name')}
            style={{ flex: '1 1 200px' }}
            rules={[{ required: true, whitespace: true, message: t('talent.form.nameRequired') }]}
          >
            <Input maxLength={30} data-testid="profile-name" />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('talent.form.kind')}
            style={{ flex: '1 1 200px' }}
            rules={[{ required: true, message: t('talent.form.kindRequired') }]}
          >
            <Select
              data-testid="profile-kind"
              options={talentKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="skills"
          label={t('talent.form.skills')}
          extra={t('talent.form.skillsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('talent.form.skillsRequired') }]}
        >
          <Select
            mode="tags"
            open={false}
            tokenSeparators={[',', '，', '、', ';', '；']}
            maxCount={12}
            data-testid="profile-skills"
          />
        </Form.Item>
        <Form.Item name="summary" label={t('talent.form.summary')}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="profile-summary" />
        </Form.Item>
        <Form.Item name="availability" label={t('talent.form.availability')}>
          <Input
            maxLength={200}
            placeholder={t('talent.form.availabilityPlaceholder')}
            data-testid="profile-availability"
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="weekdays" valuePropName="checked">
            <Checkbox data-testid="profile-weekdays">{t('talent.form.weekdays')}</Checkbox>
          </Form.Item>
          <Form.Item name="weekends" valuePropName="checked">
            <Checkbox data-testid="profile-weekends">{t('talent.form.weekends')}</Checkbox>
          </Form.Item>
        </Flex>
        <Form.Item name="consent" valuePropName="checked" extra={t('talent.form.consentHint')}>
          <Checkbox data-testid="profile-consent">{t('talent.form.consent')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('talent.form.phone')}
          extra={isEdit ? t('talent.form.phoneKeep') : undefined}
          rules={[{ pattern: /^\s*(1\d{10})?\s*$/, message: t('talent.form.phoneInvalid') }]}
        >
          <Input
            maxLength={20}
            inputMode="numeric"
            autoComplete="off"
            placeholder={isEdit ? (talent.phoneMasked ?? undefined) : undefined}
            data-testid="profile-phone"
          />
        </Form.Item>
      </Form>
      <FormProblem error={error} />
    </Modal>
  );
};
