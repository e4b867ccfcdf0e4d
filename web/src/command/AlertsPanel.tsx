// Early-warning alerts under the unit and what was done about each: act on an open one (a consultation topic,
// supervision of its cases, a patrol focus, or dismissal with a reason), then record what came of it.
import { useState } from 'react';
import { App, Button, Empty, Flex, Form, Input, Modal, Radio, Segmented, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useCursorList } from '../api/useCursorList';
import { formatDateTimeShort } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { ReasonDialog } from '../common/ReasonDialog';
import {
  actOnAlert,
  alertActions,
  fetchAlerts,
  finishAlert,
  type Alert,
  type AlertAction,
  type AlertStatus,
} from './api';

type View = 'active' | 'closed' | 'all';

const statusesOf: Record<View, readonly AlertStatus[] | undefined> = {
  active: ['open', 'acting'],
  closed: ['done', 'dismissed'],
  all: undefined,
};

const STATUS_COLOURS: Record<AlertStatus, string> = {
  open: 'red',
  acting: 'processing',
  done: 'success',
  dismissed: 'default',
};

const pick = (labels: Record<string, string>, key: string): string =>
  Object.hasOwn(labels, key) ? (labels[key] ?? key) : key;

export const statusLabel = (t: TFunction, status: string) =>
  pick(t('command.alerts.statuses', { returnObjects: true }), status);
export const actionLabel = (t: TFunction, action: string) =>
  pick(t('command.alerts.actions', { returnObjects: true }), action);
export const ruleKindLabel = (t: TFunction, kind: string) =>
  pick(t('command.rules.kinds', { returnObjects: true }), kind);

/** What an alert counted: reports, or (a surge) the different people reporting. */
export const alertCountText = (t: TFunction, a: Alert): string =>
  a.kind === 'surge'
    ? t('command.alerts.people', { count: a.count })
    : t('command.alerts.cases', { count: a.count });

/** The case list behind an alert: its place, its category, its window. */
const casesLink = (a: Alert): string | null => {
  if (a.categoryCode === null) {
    return null;
  }
  const params = new URLSearchParams({ tab: 'all', category: a.categoryCode });
  if (a.gridId === null) {
    params.set('orgId', a.orgId);
  } else {
    params.set('gridId', a.gridId);
  }
  params.set('from', String(a.windowFrom));
  // The window includes its last instant; the list's upper bound does not.
  params.set('to', String(a.windowTo + 1));
  return `/cases?${params.toString()}`;
};

const ActDialog = ({
  alert,
  onClose,
  onDone,
}: {
  alert: Alert | null;
  onClose: () => void;
  onDone: (a: Alert) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: AlertAction; note?: string }>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const submit = async () => {
    if (alert === null) {
      return;
    }
    const values = await form.validateFields();
    setIsBusy(true);
    setError(undefined);
    try {
      const { item } = await actOnAlert(alert.id, { kind: values.kind, note: values.note?.trim() ?? '' });
      void message.success(t('command.alerts.acted', { action: actionLabel(t, values.kind) }));
      form.resetFields();
      onDone(item);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Modal
      open={alert !== null}
      title={t('command.alerts.actTitle')}
      okText={t('command.alerts.act')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      onOk={() => void submit()}
      onCancel={() => {
        setError(undefined);
        onClose();
      }}
      destroyOnHidden
    >
      {alert === null ? null : (
        <Typography.Paragraph type="secondary">
          {alert.ruleName} · {alert.orgName} · {alertCountText(t, alert)}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ kind: 'supervise' }}>
        <Form.Item name="kind" label={t('command.alerts.actKind')} rules={[{ required: true }]}>
          <Radio.Group data-testid="alert-act-kind">
            <Flex vertical gap={8}>
              {alertActions.map((a) => (
                <Radio key={a} value={a}>
                  <Flex vertical>
                    <span>{actionLabel(t, a)}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {pick(t('command.alerts.actionHints', { returnObjects: true }), a)}
                    </Typography.Text>
                  </Flex>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('command.alerts.note')}
          rules={
            kind === 'dismiss'
              ? [{ required: true, whitespace: true, message: t('command.alerts.dismissNeedsNote') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="alert-act-note" />
        </Form.Item>
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};

const AlertRow = ({
  alert,
  categories,
  onAct,
  onFinish,
}: {
  alert: Alert;
  categories: ReadonlyMap<string, string>;
  onAct: (a: Alert) => void;
  onFinish: (a: Alert) => void;
}) => {
  const { t, i18n } = useTranslation();
  const when = (ms: number) => formatDateTimeShort(ms, i18n.language);
  const link = casesLink(alert);
  const category =
    alert.categoryCode === null ? null : (categories.get(alert.categoryCode) ?? alert.categoryCode);
  return (
    <div
      className="tx-cmd-alert"
      data-testid="command-alert"
      data-status={alert.status}
      data-alert={alert.id}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Flex wrap gap={4} align="center" style={{ minWidth: 0 }}>
          {alert.severity === 'high' ? <Tag color="magenta">{t('command.rules.severities.high')}</Tag> : null}
          <Tag>{ruleKindLabel(t, alert.kind)}</Tag>
          <Typography.Text strong>{alert.ruleName}</Typography.Text>
        </Flex>
        <Tag color={STATUS_COLOURS[alert.status]} style={{ marginInlineEnd: 0 }}>
          {statusLabel(t, alert.status)}
        </Tag>
      </Flex>
      <div className="tx-cmd-alert-line">
        {[alert.orgName, category, alertCountText(t, alert)].filter((x) => x !== null).join(' · ')}
        {alert.baseline === null ? null : ` · ${t('command.alerts.baseline', { count: alert.baseline })}`}
      </div>
      <div className="tx-cmd-alert-line tx-cmd-muted">
        {t('command.alerts.window', { from: when(alert.windowFrom), to: when(alert.windowTo) })}
      </div>
      {alert.action === null ? null : (
        <div className="tx-cmd-alert-line">
          {t(alert.action.note === '' ? 'command.alerts.actionDone' : 'command.alerts.actionDoneWithNote', {
            action: actionLabel(t, alert.action.kind),
            time: when(alert.action.at),
            note: alert.action.note,
          })}
        </div>
      )}
      {alert.outcome === null ? null : (
        <div className="tx-cmd-alert-line">
          {t('command.alerts.outcomeDone', { time: when(alert.outcome.at), note: alert.outcome.note })}
        </div>
      )}
      <Flex gap={8} justify="flex-end" align="center" wrap style={{ marginTop: 4 }}>
        {link === null ? null : (
          <Link to={link} className="tx-cmd-alert-link">
            {t('command.alerts.viewCases')}
          </Link>
        )}
        {alert.abilities.act ? (
          <Button size="small" type="primary" onClick={() => onAct(alert)} data-testid="alert-act">
            {t('command.alerts.act')}
          </Button>
        ) : null}
        {alert.abilities.finish ? (
          <Button size="small" onClick={() => onFinish(alert)} data-testid="alert-finish">
            {t('command.alerts.finish')}
          </Button>
        ) : null}
      </Flex>
    </div>
  );
};

type Props = {
  orgId: string;
  refreshKey: number;
  categories: ReadonlyMap<string, string>;
  /** Called after an alert changed, so the screen can count again. */
  onChanged: () => void;
};

export const AlertsPanel = ({ orgId, refreshKey, categories, onChanged }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [view, setView] = useState<View>('active');
  const [acting, setActing] = useState<Alert | null>(null);
  const [finishing, setFinishing] = useState<Alert | null>(null);
  const list = useCursorList(
    (cursor, signal) => fetchAlerts({ orgId, status: statusesOf[view] }, cursor, signal),
    [orgId, view, refreshKey],
  );
  const changed = () => {
    list.reload();
    onChanged();
  };
  return (
    <Flex vertical gap={8} data-testid="command-alerts">
      <Segmented<View>
        size="small"
        value={view}
        onChange={setView}
        options={(['active', 'closed', 'all'] as const).map((v) => ({
          value: v,
          label: t(`command.alerts.views.${v}`),
        }))}
      />
      {list.error === undefined ? null : <ProblemAlert error={list.error} onRetry={list.reload} />}
      {list.isLoading ? (
        <Flex justify="center" style={{ padding: 16 }}>
          <Spin />
        </Flex>
      ) : list.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('command.alerts.empty')} />
      ) : (
        <Flex vertical gap={8}>
          {list.items.map((a) => (
            <AlertRow
              key={a.id}
              alert={a}
              categories={categories}
              onAct={setActing}
              onFinish={setFinishing}
            />
          ))}
          {list.hasMore ? (
            <Button size="small" onClick={list.loadMore} loading={list.isLoadingMore}>
              {t('common.loadMore')}
            </Button>
          ) : null}
        </Flex>
      )}
      <ActDialog
        alert={acting}
        onClose={() => setActing(null)}
        onDone={() => {
          setActing(null);
          changed();
        }}
      />
      <ReasonDialog
        open={finishing !== null}
        title={t('command.alerts.finishTitle')}
        label={t('command.alerts.outcome')}
        hint={t('command.alerts.finishHint')}
        hintType="info"
        okText={t('command.alerts.finish')}
        fieldTestId="alert-finish-note"
        onSubmit={async (note) => {
          if (finishing !== null) {
            await finishAlert(finishing.id, note);
            void message.success(t('command.alerts.finished'));
            changed();
          }
        }}
        onClose={() => setFinishing(null)}
      />
    </Flex>
  );
};
