// Early-warning rules as data (关口前移): the rules kept in scope and those watching it from above, a new rule, a
// rule's window, threshold and severity changed, a rule turned off and on. The server checks every combination.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDateTimeShort } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { CategoryPicker } from '../cases/CategoryPicker';
import { fetchCatalogue } from '../cases/api';
import {
  createRule,
  fetchRules,
  ruleAreas,
  ruleKinds,
  severities,
  updateRule,
  type Rule,
  type RuleArea,
  type RuleKind,
  type Severity,
} from './api';
import { ruleKindLabel } from './AlertsPanel';
import { screenPath } from './paths';

type Values = {
  name: string;
  kind: RuleKind;
  categoryCode?: string;
  area: RuleArea;
  windowHours: number;
  threshold: number;
  ratio?: number | null;
  severity: Severity;
};

const DEFAULTS: Values = {
  name: '',
  kind: 'cluster',
  area: 'village',
  windowHours: 168,
  threshold: 3,
  ratio: null,
  severity: 'normal',
};

export const windowText = (t: TFunction, hours: number): string =>
  hours >= 48 && hours % 24 === 0
    ? t('command.rules.days', { count: hours / 24 })
    : t('command.rules.hours', { count: hours });

const RuleDialog = ({
  rule,
  isOpen,
  categories,
  onClose,
  onSaved,
}: {
  /** null: a new rule. */
  rule: Rule | null;
  isOpen: boolean;
  categories: Awaited<ReturnType<typeof fetchCatalogue>>['items'];
  onClose: () => void;
  onSaved: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? rule?.kind ?? DEFAULTS.kind;
  const [error, setError] = useState<unknown>(undefined);
  const [isBusy, setIsBusy] = useState(false);
  const isNew = rule === null;
  const submit = async () => {
    const v = await form.validateFields();
    setIsBusy(true);
    setError(undefined);
    try {
      const ratio = v.kind === 'trend' ? (v.ratio ?? null) : null;
      if (rule === null) {
        await createRule({
          name: v.name.trim(),
          kind: v.kind,
          categoryCode: v.categoryCode ?? null,
          area: v.kind === 'cluster' ? v.area : 'village',
          windowHours: v.windowHours,
          threshold: v.threshold,
          ratio,
          severity: v.kind === 'surge' ? 'high' : v.severity,
        });
      } else {
        await updateRule(rule.id, {
          name: v.name.trim(),
          windowHours: v.windowHours,
          threshold: v.threshold,
          ratio,
          ...(rule.kind === 'surge' ? {} : { severity: v.severity }),
        });
      }
      void message.success(t('command.rules.saved'));
      onSaved();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Modal
      open={isOpen}
      title={isNew ? t('command.rules.create') : t('command.rules.edit')}
      okText={t('command.rules.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isBusy}
      onOk={() => void submit()}
      onCancel={() => {
        setError(undefined);
        onClose();
      }}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          rule === null
            ? DEFAULTS
            : {
                name: rule.name,
                kind: rule.kind,
                categoryCode: rule.categoryCode ?? undefined,
                area: rule.area,
                windowHours: rule.windowHours,
                threshold: rule.threshold,
                ratio: rule.ratio,
                severity: rule.severity,
              }
        }
      >
        <Form.Item
          name="name"
          label={t('command.rules.name')}
          rules={[
            { required: true, min: 2, max: 60, whitespace: true, message: t('command.rules.nameRequired') },
          ]}
        >
          <Input maxLength={60} data-testid="rule-name" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('command.rules.kind')}
          extra={t(`command.rules.kindHints.${kind}`)}
          rules={[{ required: true }]}
        >
          <Select
            disabled={!isNew}
            data-testid="rule-kind"
            options={ruleKinds.map((k) => ({ value: k, label: ruleKindLabel(t, k) }))}
          />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('command.rules.category')}>
          <CategoryPicker
            items={categories}
            isLeafOnly
            allowClear
            placeholder={t('command.rules.anyCategory')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        {kind === 'cluster' ? (
          <Form.Item name="area" label={t('command.rules.area')}>
            <Radio.Group
              disabled={!isNew}
              options={ruleAreas.map((a) => ({ value: a, label: t(`command.rules.areas.${a}`) }))}
            />
          </Form.Item>
        ) : null}
        <Flex gap={12} wrap>
          <Form.Item
            name="windowHours"
            label={t('command.rules.window')}
            rules={[{ required: true }]}
            extra={
              kind === 'surge'
                ? t('command.rules.surgeWindow')
                : kind === 'trend'
                  ? t('command.rules.trendWindow')
                  : undefined
            }
            style={{ flex: 1, minWidth: 160 }}
          >
            <InputNumber
              min={1}
              max={24 * 90}
              precision={0}
              suffix={t('command.rules.hoursUnit')}
              style={{ width: '100%' }}
              data-testid="rule-window"
            />
          </Form.Item>
          <Form.Item
            name="threshold"
            label={kind === 'surge' ? t('command.rules.thresholdPeople') : t('command.rules.threshold')}
            rules={[{ required: true }]}
            style={{ flex: 1, minWidth: 160 }}
          >
            <InputNumber
              min={2}
              max={1000}
              precision={0}
              style={{ width: '100%' }}
              data-testid="rule-threshold"
            />
          </Form.Item>
          {kind === 'trend' ? (
            <Form.Item
              name="ratio"
              label={t('command.rules.ratio')}
              rules={[{ required: true, message: t('command.rules.ratioRequired') }]}
              style={{ flex: 1, minWidth: 160 }}
            >
              <InputNumber min={1.1} max={20} step={0.1} precision={1} prefix="×" style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
        </Flex>
        {kind === 'surge' ? (
          <Typography.Paragraph type="secondary">{t('command.rules.surgeIsHigh')}</Typography.Paragraph>
        ) : (
          <Form.Item name="severity" label={t('command.rules.severity')}>
            <Radio.Group
              options={severities.map((s) => ({ value: s, label: t(`command.rules.severities.${s}`) }))}
            />
          </Form.Item>
        )}
        {isNew ? null : (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('command.rules.fixedAfterCreate')}
          </Typography.Paragraph>
        )}
      </Form>
      {error === undefined ? null : <ProblemAlert error={error} />}
    </Modal>
  );
};

export const RulesPage = () => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const rules = useLoader((signal) => fetchRules(signal), []);
  const catalogue = useLoader((signal) => fetchCatalogue(signal), [i18n.language]);
  const categories = catalogue.data?.items ?? [];
  const names = new Map(categories.map((c) => [c.code, c.name]));
  const [editing, setEditing] = useState<{ rule: Rule | null } | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const [switchError, setSwitchError] = useState<unknown>(undefined);

  const toggle = async (rule: Rule, isActive: boolean) => {
    setSwitching(rule.id);
    setSwitchError(undefined);
    try {
      await updateRule(rule.id, { isActive });
      void message.success(isActive ? t('command.rules.activated') : t('command.rules.deactivated'));
      rules.reload();
    } catch (failure) {
      setSwitchError(failure);
    } finally {
      setSwitching(null);
    }
  };

  return (
    <Card
      title={t('command.rules.title')}
      extra={
        <Flex gap={8} wrap>
          <Link to={screenPath(undefined, false)}>
            <Button icon={<ArrowLeftOutlined />}>{t('command.backToScreen')}</Button>
          </Link>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ rule: null })}
            data-testid="rule-create"
          >
            {t('command.rules.create')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('command.rules.intro')}</Typography.Paragraph>
      {rules.error === undefined ? null : <ProblemAlert error={rules.error} onRetry={rules.reload} />}
      {switchError === undefined ? null : <ProblemAlert error={switchError} />}
      <Table<Rule>
        data-testid="rule-table"
        rowKey="id"
        size="middle"
        loading={rules.isLoading}
        dataSource={rules.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('command.rules.empty') }}
        columns={[
          {
            key: 'name',
            title: t('command.rules.name'),
            render: (_, r) => (
              <Flex vertical>
                <Typography.Text strong={r.isActive} type={r.isActive ? undefined : 'secondary'}>
                  {r.name}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('command.rules.keptBy', { org: r.orgName })}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'kind',
            title: t('command.rules.kind'),
            width: 120,
            render: (_, r) => <Tag>{ruleKindLabel(t, r.kind)}</Tag>,
          },
          {
            key: 'category',
            title: t('command.rules.category'),
            width: 160,
            render: (_, r) =>
              r.categoryCode === null
                ? t('command.rules.anyCategory')
                : (names.get(r.categoryCode) ?? r.categoryCode),
          },
          {
            key: 'area',
            title: t('command.rules.area'),
            width: 130,
            render: (_, r) => t(`command.rules.areas.${r.area}`),
          },
          {
            key: 'window',
            title: t('command.rules.window'),
            width: 100,
            render: (_, r) => windowText(t, r.windowHours),
          },
          {
            key: 'threshold',
            title: t('command.rules.threshold'),
            width: 110,
            render: (_, r) =>
              `${r.kind === 'surge' ? t('command.alerts.people', { count: r.threshold }) : t('command.alerts.cases', { count: r.threshold })}${r.ratio === null ? '' : ` · ×${r.ratio}`}`,
          },
          {
            key: 'severity',
            title: t('command.rules.severity'),
            width: 90,
            render: (_, r) => (
              <Tag color={r.severity === 'high' ? 'magenta' : undefined}>
                {t(`command.rules.severities.${r.severity}`)}
              </Tag>
            ),
          },
          {
            key: 'active',
            title: t('command.rules.active'),
            width: 90,
            render: (_, r) => (
              <Switch
                checked={r.isActive}
                loading={switching === r.id}
                onChange={(checked) => void toggle(r, checked)}
                aria-label={t('command.rules.active')}
                data-testid={`rule-active-${r.id}`}
              />
            ),
          },
          {
            key: 'updatedAt',
            title: t('command.rules.updatedAt'),
            width: 150,
            render: (_, r) => formatDateTimeShort(r.updatedAt, i18n.language),
          },
          {
            key: 'edit',
            width: 80,
            render: (_, r) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ rule: r })}>
                {t('command.rules.editShort')}
              </Button>
            ),
          },
        ]}
      />
      <RuleDialog
        key={editing?.rule?.id ?? 'new'}
        rule={editing?.rule ?? null}
        isOpen={editing !== null}
        categories={categories}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          rules.reload();
        }}
      />
    </Card>
  );
};
