// Agrees a demand with a suggested resource or project: how much, by when, and what the provider commits to.
import { DatePicker, Descriptions, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { districtInstant } from '../common/forms';
import { agreeMatch, type Item, type Suggestion } from './api';
import { FormDialog } from '../common/FormDialog';
import { listLabel } from './labels';

type Values = { quantity?: number | null; dueAt: Dayjs; commitment: string };

const DEFAULT_DUE_DAYS = 14;

/** The smaller of what is left of the offer and what the demand asks, either of which may be unbounded. */
export const defaultQuantity = (remaining: number | null, wanted: number | null): number | null =>
  remaining === null ? wanted : wanted === null ? remaining : Math.min(remaining, wanted);

export const AgreeDialog = ({
  allianceId,
  demand,
  offer,
  onClose,
  onAgreed,
}: {
  allianceId: string;
  demand: Item;
  offer: Suggestion;
  onClose: () => void;
  onAgreed: () => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const neededBy = demand.neededBy === null ? null : dayjs(demand.neededBy);
  const initialDue =
    neededBy !== null && neededBy.isAfter(dayjs()) ? neededBy : dayjs().add(DEFAULT_DUE_DAYS, 'day');
  return (
    <FormDialog<Values>
      title={t('alliance.match.agreeTitle', { title: demand.title })}
      okText={t('alliance.match.agree')}
      success={t('alliance.match.agreed')}
      submitTestId="agree-submit"
      form={form}
      initialValues={{
        quantity: defaultQuantity(offer.remaining, demand.quantity),
        dueAt: initialDue,
        commitment: '',
      }}
      header={
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('alliance.match.offer')}>
            {offer.title}（{offer.ownerName} · {listLabel(t, offer.list)}）
          </Descriptions.Item>
        </Descriptions>
      }
      onSubmit={(v) =>
        agreeMatch(allianceId, demand.id, {
          offerId: offer.offerId,
          quantity: typeof v.quantity === 'number' ? v.quantity : null,
          // The end of the picked day on the district's clock, as the date is shown, whatever the browser's zone.
          dueAt: districtInstant(v.dueAt.endOf('day')),
          commitment: v.commitment.trim(),
        })
      }
      onClose={onClose}
      onDone={onAgreed}
    >
      <Form.Item name="quantity" label={t('alliance.match.quantity')}>
        <InputNumber
          min={1}
          max={1_000_000}
          precision={0}
          style={{ width: 200 }}
          data-testid="agree-quantity"
        />
      </Form.Item>
      <Form.Item
        name="dueAt"
        label={t('alliance.match.dueAt')}
        rules={[{ required: true, message: t('alliance.match.dueRequired') }]}
      >
        <DatePicker style={{ width: 200 }} data-testid="agree-due" />
      </Form.Item>
      <Form.Item
        name="commitment"
        label={t('alliance.match.commitment')}
        rules={[{ required: true, whitespace: true, message: t('alliance.match.commitmentRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} data-testid="agree-commitment" />
      </Form.Item>
    </FormDialog>
  );
};
