// What is done to a brand project (品牌项目): a member declares one it will lead; its lead or the convener builds the
// chain (partners, milestones and their completion); the convener reviews it, moves it to its next stage or declines
// a declaration. Which of these the caller may do is the brand's abilities, from the server.
import { DatePicker, Form, Input, Rate, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { districtInstant } from '../common/forms';
import {
  addMilestone,
  addPartner,
  completeMilestone,
  declareBrand,
  moveBrand,
  reviewBrand,
  type Brand,
  type BrandEvent,
  type BrandStage,
  type Member,
} from './api';
import { FormDialog } from '../common/FormDialog';
import { brandStageLabel } from './labels';
import { UndoDialog } from './MatchDialogs';

type Done = { allianceId: string; onClose: () => void; onDone: () => void };
type OnBrand = Done & { brand: Pick<Brand, 'id' | 'title'> };

type DeclareValues = { leadOrgId: string; title: string; summary: string };

export const DeclareBrandDialog = ({
  allianceId,
  members,
  onClose,
  onDeclared,
}: {
  allianceId: string;
  /** The members the caller may declare for. */
  members: Member[];
  onClose: () => void;
  onDeclared: (brand: Brand) => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<DeclareValues>();
  return (
    <FormDialog<DeclareValues, Brand>
      width={600}
      title={t('alliance.brands.declareTitle')}
      okText={t('alliance.brands.declare')}
      success={t('alliance.brands.declared')}
      submitTestId="brand-declare-submit"
      form={form}
      initialValues={{ leadOrgId: (members.find((m) => m.isMine) ?? members[0])?.orgId }}
      onSubmit={async (v) => {
        const { item } = await declareBrand(allianceId, {
          leadOrgId: v.leadOrgId,
          title: v.title.trim(),
          summary: v.summary.trim(),
        });
        return item;
      }}
      onClose={onClose}
      onDone={onDeclared}
    >
      <Form.Item
        name="leadOrgId"
        label={t('alliance.brands.lead')}
        rules={[{ required: true, message: t('alliance.brands.leadRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="brand-lead"
          options={members.map((m) => ({ value: m.orgId, label: m.orgName }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('alliance.brands.name')}
        rules={[{ required: true, whitespace: true, message: t('alliance.brands.nameRequired') }]}
      >
        <Input maxLength={80} data-testid="brand-title" />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('alliance.brands.summary')}
        rules={[{ required: true, whitespace: true, message: t('alliance.brands.summaryRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} data-testid="brand-summary" />
      </Form.Item>
    </FormDialog>
  );
};

/** Moves the project on to the stage named (the server checks the stage's conditions). */
export const AdvanceBrandDialog = ({
  allianceId,
  brand,
  stage,
  onClose,
  onDone,
}: OnBrand & { stage: BrandStage }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <FormDialog<{ reason?: string }>
      title={t('alliance.brands.advanceTitle', { title: brand.title })}
      okText={t(`alliance.brands.advanceTo.${stage}`, { defaultValue: brandStageLabel(t, stage) })}
      success={t('alliance.brands.advanced')}
      submitTestId="brand-advance-submit"
      form={form}
      onSubmit={(v) => moveBrand(allianceId, brand.id, { stage, reason: (v.reason ?? '').trim() })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="reason" label={t('alliance.brands.advanceNote')}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="brand-advance-note" />
      </Form.Item>
    </FormDialog>
  );
};

export const DeclineBrandDialog = ({ allianceId, brand, onClose, onDone }: OnBrand) => {
  const { t } = useTranslation();
  return (
    <UndoDialog
      title={t('alliance.brands.declineTitle', { title: brand.title })}
      hint={t('alliance.brands.declineHint')}
      label={t('alliance.brands.declineReason')}
      okText={t('alliance.brands.decline')}
      success={t('alliance.brands.declinedDone')}
      fieldTestId="brand-decline-reason"
      send={(reason) => moveBrand(allianceId, brand.id, { stage: 'declined', reason })}
      onClose={onClose}
      onDone={onDone}
    />
  );
};

type PartnerValues = { orgId: string; contribution: string };

export const PartnerDialog = ({
  allianceId,
  brand,
  members,
  onClose,
  onDone,
}: OnBrand & { brand: Pick<Brand, 'leadOrgId'>; members: Member[] }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<PartnerValues>();
  return (
    <FormDialog<PartnerValues>
      title={t('alliance.brands.partnerTitle', { title: brand.title })}
      okText={t('alliance.brands.partnerAdd')}
      success={t('alliance.brands.partnerAdded')}
      submitTestId="brand-partner-submit"
      form={form}
      onSubmit={(v) =>
        addPartner(allianceId, brand.id, { orgId: v.orgId, contribution: v.contribution.trim() })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="orgId"
        label={t('alliance.brands.partnerOrg')}
        rules={[{ required: true, message: t('alliance.brands.partnerOrgRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="brand-partner-org"
          options={members
            .filter((m) => m.orgId !== brand.leadOrgId)
            .map((m) => ({ value: m.orgId, label: m.orgName }))}
        />
      </Form.Item>
      <Form.Item
        name="contribution"
        label={t('alliance.brands.contribution')}
        rules={[{ required: true, whitespace: true, message: t('alliance.brands.contributionRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={500} data-testid="brand-partner-contribution" />
      </Form.Item>
    </FormDialog>
  );
};

type MilestoneValues = { title: string; dueAt: Dayjs; note?: string };

export const MilestoneDialog = ({ allianceId, brand, onClose, onDone }: OnBrand) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<MilestoneValues>();
  return (
    <FormDialog<MilestoneValues>
      title={t('alliance.brands.milestoneTitle', { title: brand.title })}
      okText={t('alliance.brands.milestoneAdd')}
      success={t('alliance.brands.milestoneAdded')}
      submitTestId="brand-milestone-submit"
      form={form}
      onSubmit={(v) =>
        addMilestone(allianceId, brand.id, {
          title: v.title.trim(),
          note: (v.note ?? '').trim(),
          // The end of the picked day on the district's clock, as the date is shown, whatever the browser's zone.
          dueAt: districtInstant(v.dueAt.endOf('day')),
        })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="title"
        label={t('alliance.brands.milestoneName')}
        rules={[{ required: true, whitespace: true, message: t('alliance.brands.milestoneNameRequired') }]}
      >
        <Input maxLength={80} data-testid="brand-milestone-title" />
      </Form.Item>
      <Form.Item
        name="dueAt"
        label={t('alliance.brands.dueAt')}
        rules={[{ required: true, message: t('alliance.brands.dueRequired') }]}
      >
        <DatePicker
          style={{ width: 200 }}
          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          data-testid="brand-milestone-due"
        />
      </Form.Item>
      <Form.Item name="note" label={t('alliance.brands.milestoneNote')}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="brand-milestone-note" />
      </Form.Item>
    </FormDialog>
  );
};

export const MilestoneDoneDialog = ({
  allianceId,
  brand,
  milestone,
  onClose,
  onDone,
}: OnBrand & { milestone: BrandEvent }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  return (
    <FormDialog<{ note?: string }>
      title={t('alliance.brands.doneTitle', { title: milestone.title })}
      okText={t('alliance.brands.done')}
      success={t('alliance.brands.milestoneDone')}
      submitTestId="brand-milestone-done-submit"
      form={form}
      onSubmit={(v) => completeMilestone(allianceId, brand.id, milestone.id, { note: (v.note ?? '').trim() })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="note" label={t('alliance.brands.doneNote')}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="brand-milestone-done-note" />
      </Form.Item>
    </FormDialog>
  );
};

type ReviewValues = { score: number; note: string };

export const ReviewDialog = ({ allianceId, brand, onClose, onDone }: OnBrand) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReviewValues>();
  return (
    <FormDialog<ReviewValues>
      title={t('alliance.brands.reviewTitle', { title: brand.title })}
      okText={t('alliance.brands.review')}
      success={t('alliance.brands.reviewed')}
      submitTestId="brand-review-submit"
      form={form}
      onSubmit={(v) => reviewBrand(allianceId, brand.id, { score: v.score, note: v.note.trim() })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="score"
        label={t('alliance.brands.score')}
        rules={[{ required: true, message: t('alliance.brands.scoreRequired') }]}
      >
        <Rate count={5} data-testid="brand-review-score" />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('alliance.brands.reviewNote')}
        rules={[{ required: true, whitespace: true, message: t('alliance.brands.reviewNoteRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} data-testid="brand-review-note" />
      </Form.Item>
    </FormDialog>
  );
};
