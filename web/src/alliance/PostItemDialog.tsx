// Puts a demand, a resource or a project on a member's list: the member is one the caller may post for. A demand
// born of a consultation outcome names the outcome, picked among the owner's council's outcomes.
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../common/FormDialog';
import { districtInstant } from '../common/forms';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { fetchCouncil, fetchCouncils } from '../consultations/api';
import {
  demandSources,
  itemKinds,
  listNames,
  postItem,
  type DemandSource,
  type Item,
  type ItemKind,
  type ListName,
  type Member,
} from './api';
import { kindLabel, listLabel, sourceLabel } from './labels';

type Values = {
  ownerOrgId: string;
  list: ListName;
  kind: ItemKind;
  title: string;
  detail?: string;
  quantity?: number | null;
  availableFrom?: Dayjs | null;
  availableTo?: Dayjs | null;
  neededBy?: Dayjs | null;
  source?: DemandSource;
  sourceId?: string | null;
};

/** The start or the end of a picked day as an instant, or null when none was picked. */
const dayOrNull = (picked: Dayjs | null | undefined, edge: 'start' | 'end'): number | null =>
  picked === null || picked === undefined
    ? null
    : districtInstant(edge === 'start' ? picked.startOf('day') : picked.endOf('day'));

const FIELDS = {
  ownerOrgId: ['ownerOrgId'],
  title: ['title'],
  detail: ['detail'],
  quantity: ['quantity'],
  neededBy: ['neededBy'],
  availableTo: ['availableTo'],
  sourceId: ['sourceId'],
} as const satisfies Record<string, string[]>;

/** The outcomes of the council of a member's organisation (a community's own), to name the one a demand is from. */
const OutcomePicker = ({
  orgId,
  value,
  onChange,
}: {
  orgId: string | undefined;
  value?: string | null;
  onChange?: (v: string | null) => void;
}) => {
  const { t } = useTranslation();
  const outcomes = useLoader(
    async (signal) => {
      const council = (await fetchCouncils(undefined, signal)).items.find((c) => c.orgId === orgId);
      return council === undefined ? [] : (await fetchCouncil(council.id, signal)).outcomes;
    },
    [orgId],
  );
  return (
    <>
      <Select
        allowClear
        value={value ?? undefined}
        onChange={(v: string | undefined) => onChange?.(v ?? null)}
        loading={outcomes.isLoading}
        placeholder={t('alliance.items.sourceOutcomePlaceholder')}
        notFoundContent={outcomes.isLoading ? null : t('alliance.items.noOutcomes')}
        options={(outcomes.data ?? []).map((o) => ({ value: o.id, label: o.title }))}
        data-testid="post-source-outcome"
      />
      {outcomes.error === undefined ? null : (
        <ProblemAlert error={outcomes.error} onRetry={outcomes.reload} />
      )}
    </>
  );
};

export const PostItemDialog = ({
  allianceId,
  members,
  initialList,
  onClose,
  onPosted,
}: {
  allianceId: string;
  /** The members the caller may post for. */
  members: Member[];
  initialList: ListName;
  onClose: () => void;
  onPosted: (item: Item) => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const list = Form.useWatch('list', form) ?? initialList;
  const source = Form.useWatch('source', form) ?? 'own';
  const ownerOrgId = Form.useWatch('ownerOrgId', form);
  const send = async (v: Values) => {
    const isDemand = v.list === 'demand';
    const { item } = await postItem(allianceId, {
      ownerOrgId: v.ownerOrgId,
      list: v.list,
      kind: v.kind,
      title: v.title.trim(),
      detail: (v.detail ?? '').trim(),
      quantity: typeof v.quantity === 'number' ? v.quantity : null,
      // The picked days on the district's clock, as they are shown, whatever the browser's zone.
      availableFrom: isDemand ? null : dayOrNull(v.availableFrom, 'start'),
      availableTo: isDemand ? null : dayOrNull(v.availableTo, 'end'),
      neededBy: isDemand ? dayOrNull(v.neededBy, 'end') : null,
      source: isDemand ? (v.source ?? 'own') : undefined,
      sourceId: isDemand && v.source === 'consultation' ? (v.sourceId ?? null) : null,
    });
    return item;
  };
  return (
    <FormDialog<Values, Item>
      width={600}
      title={t('alliance.items.postTitle')}
      okText={t('alliance.items.post')}
      success={t('alliance.items.posted')}
      submitTestId="post-submit"
      form={form}
      fields={FIELDS}
      initialValues={{
        ownerOrgId: (members.find((m) => m.isMine) ?? members[0])?.orgId,
        list: initialList,
        source: 'own',
      }}
      onSubmit={send}
      onClose={onClose}
      onDone={onPosted}
    >
      <Form.Item
        name="ownerOrgId"
        label={t('alliance.items.owner')}
        rules={[{ required: true, message: t('alliance.items.ownerRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="post-owner"
          options={members.map((m) => ({ value: m.orgId, label: m.orgName }))}
        />
      </Form.Item>
      <Form.Item name="list" label={t('alliance.items.list')} rules={[{ required: true }]}>
        <Select
          data-testid="post-list"
          options={listNames.map((l) => ({ value: l, label: listLabel(t, l) }))}
        />
      </Form.Item>
      <Form.Item name="kind" label={t('alliance.items.kind')} rules={[{ required: true }]}>
        <Select
          data-testid="post-kind"
          options={itemKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('alliance.items.title')}
        rules={[{ required: true, whitespace: true, message: t('alliance.items.titleRequired') }]}
      >
        <Input maxLength={80} data-testid="post-title" />
      </Form.Item>
      <Form.Item name="detail" label={t('alliance.items.detail')}>
        <Input.TextArea rows={3} maxLength={2000} data-testid="post-detail" />
      </Form.Item>
      <Form.Item name="quantity" label={t('alliance.items.quantity')}>
        <InputNumber
          min={1}
          max={1_000_000}
          precision={0}
          style={{ width: 200 }}
          data-testid="post-quantity"
        />
      </Form.Item>
      {list === 'demand' ? (
        <>
          <Form.Item name="neededBy" label={t('alliance.items.neededBy')}>
            <DatePicker style={{ width: 200 }} data-testid="post-needed-by" />
          </Form.Item>
          <Form.Item name="source" label={t('alliance.items.source')}>
            <Select
              style={{ width: 200 }}
              data-testid="post-source"
              options={demandSources.map((s) => ({ value: s, label: sourceLabel(t, s) }))}
            />
          </Form.Item>
          {source === 'consultation' ? (
            <Form.Item name="sourceId" label={t('alliance.items.sourceOutcome')}>
              <OutcomePicker orgId={ownerOrgId} />
            </Form.Item>
          ) : null}
        </>
      ) : (
        <>
          <Form.Item name="availableFrom" label={t('alliance.items.availableFrom')}>
            <DatePicker style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="availableTo" label={t('alliance.items.availableTo')}>
            <DatePicker style={{ width: 200 }} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
};
