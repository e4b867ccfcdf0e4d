// What is done to an agreement afterwards: the provider (or the convener) records what was delivered, the demanding
// member (or the convener) rates it; either side or the convener cancels it before delivery. And withdrawing an item
// from its list, which its member or the convener does once nothing is under way on it.
import { Form, Input, Rate } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../common/ReasonDialog';
import { cancelMatch, evaluateDelivery, recordDelivery, withdrawItem, type Item, type Match } from './api';
import { FormDialog, useOnSuccess } from '../common/FormDialog';

type Props = { allianceId: string; match: Match; onClose: () => void; onDone: () => void };

export const DeliveryDialog = ({ allianceId, match, onClose, onDone }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <FormDialog
      title={t('alliance.match.deliverTitle')}
      okText={t('alliance.match.deliver')}
      success={t('alliance.match.delivered')}
      submitTestId="deliver-submit"
      form={form}
      onSubmit={(v) => recordDelivery(allianceId, match.id, { note: v.note.trim() })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="note"
        label={t('alliance.match.note')}
        rules={[{ required: true, whitespace: true, message: t('alliance.match.noteRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} data-testid="deliver-note" />
      </Form.Item>
    </FormDialog>
  );
};

export const EvaluationDialog = ({ allianceId, match, onClose, onDone }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rating: number; note?: string }>();
  return (
    <FormDialog
      title={t('alliance.match.evaluateTitle')}
      okText={t('alliance.match.evaluate')}
      success={t('alliance.match.evaluated')}
      submitTestId="evaluate-submit"
      form={form}
      onSubmit={(v) =>
        evaluateDelivery(allianceId, match.id, { rating: v.rating, note: (v.note ?? '').trim() })
      }
      onClose={onClose}
      onDone={onDone}
    >
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
    </FormDialog>
  );
};

/**
 * A dialog that asks why before an undoing act (withdrawing, cancelling, calling off): the shared reason dialog,
 * with the request's success said and handed back.
 */
export const UndoDialog = ({
  title,
  hint,
  label,
  okText,
  success,
  fieldTestId,
  send,
  onClose,
  onDone,
}: {
  title: string;
  hint?: string;
  /** The reason field's label. */
  label: string;
  okText: string;
  success: string;
  fieldTestId: string;
  send: (reason: string) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
}) => {
  // The reason dialog shows a refusal itself: the request's failure goes back to it.
  const succeed = useOnSuccess(onDone, success);
  return (
    <ReasonDialog
      open
      title={title}
      hint={hint}
      label={label}
      okText={okText}
      fieldTestId={fieldTestId}
      onSubmit={(reason) => succeed(() => send(reason))}
      onClose={onClose}
    />
  );
};

export const CancelMatchDialog = ({ allianceId, match, onClose, onDone }: Props) => {
  const { t } = useTranslation();
  return (
    <UndoDialog
      title={t('alliance.match.cancelTitle', { name: match.providerName })}
      hint={t('alliance.match.cancelHint')}
      label={t('alliance.match.cancelReason')}
      okText={t('alliance.match.cancel')}
      success={t('alliance.match.cancelled')}
      fieldTestId="match-cancel-reason"
      send={(reason) => cancelMatch(allianceId, match.id, { reason })}
      onClose={onClose}
      onDone={onDone}
    />
  );
};

export const WithdrawItemDialog = ({
  allianceId,
  item,
  onClose,
  onDone,
}: {
  allianceId: string;
  item: Pick<Item, 'id' | 'title'>;
  onClose: () => void;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <UndoDialog
      title={t('alliance.items.withdrawTitle', { title: item.title })}
      hint={t('alliance.items.withdrawHint')}
      label={t('alliance.items.withdrawReason')}
      okText={t('alliance.items.withdraw')}
      success={t('alliance.items.withdrawn')}
      fieldTestId="item-withdraw-reason"
      send={(reason) => withdrawItem(allianceId, item.id, { reason })}
      onClose={onClose}
      onDone={onDone}
    />
  );
};
