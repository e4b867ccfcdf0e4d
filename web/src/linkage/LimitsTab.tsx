// The time each level of the chain has for an appeal: read by everyone on the chain, set by the district with a
// reason. A new limit applies to appeals reaching a level from then on.
import { App, Button, Form, Input, InputNumber, Select, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../auth/useAuth';
import { ProblemAlert } from '../common/ProblemAlert';
import { FormProblem, useFormSubmit } from '../common/useFormSubmit';
import { useLoader } from '../common/useLoader';
import { chainLevels, fetchLimits, limitUnits, saveLimits, type Limits } from './api';

type Values = { limits: Limits; reason: string };

export const LimitsTab = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canConfigure = useAbility('linkage.configure');
  const [form] = Form.useForm<Values>();
  const current = useLoader((signal) => fetchLimits(signal), []);
  const { submit, isSaving, error } = useFormSubmit(form, { reason: ['reason'] }, async (v) => {
    await saveLimits({ limits: v.limits, reason: v.reason.trim() });
    void message.success(t('linkage.limits.saved'));
    form.setFieldValue('reason', '');
    current.reload();
  });
  if (current.error !== undefined) {
    return <ProblemAlert error={current.error} onRetry={current.reload} />;
  }
  if (current.data === undefined) {
    return <Spin />;
  }
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ limits: current.data.limits, reason: '' }}
      key={JSON.stringify(current.data.limits)}
      disabled={!canConfigure}
    >
      <Typography.Paragraph type="secondary">{t('linkage.limits.hint')}</Typography.Paragraph>
      <Table
        rowKey={(level) => level}
        size="small"
        pagination={false}
        dataSource={[...chainLevels]}
        data-testid="linkage-limits"
        columns={[
          {
            title: t('linkage.limits.level'),
            key: 'level',
            render: (_: unknown, level) => t(`linkage.levels.${level}`),
          },
          {
            title: t('linkage.limits.amount'),
            key: 'amount',
            render: (_: unknown, level) => (
              <Form.Item name={['limits', level, 'amount']} noStyle rules={[{ required: true }]}>
                <InputNumber min={1} max={129_600} precision={0} data-testid={`limit-${level}-amount`} />
              </Form.Item>
            ),
          },
          {
            title: t('linkage.limits.unit'),
            key: 'unit',
            render: (_: unknown, level) => (
              <Form.Item name={['limits', level, 'unit']} noStyle>
                <Select
                  style={{ minWidth: 120 }}
                  options={limitUnits.map((u) => ({ value: u, label: t(`linkage.limits.units.${u}`) }))}
                />
              </Form.Item>
            ),
          },
        ]}
      />
      {canConfigure ? (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Form.Item
            name="reason"
            label={t('linkage.limits.reason')}
            rules={[{ required: true, whitespace: true, message: t('linkage.limits.reasonRequired') }]}
          >
            <Input maxLength={500} data-testid="limits-reason" />
          </Form.Item>
          <Button type="primary" loading={isSaving} onClick={() => void submit()} data-testid="limits-save">
            {t('linkage.limits.save')}
          </Button>
          <FormProblem error={error} />
        </Space>
      ) : null}
    </Form>
  );
};
