// A resident adds information to their case or asks for a call-back, and reads what they sent before.
import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, List, Radio, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTimeShort } from '../common/labels';
import { ProblemAlert } from '../common/ProblemAlert';
import { useLoader } from '../common/useLoader';
import { addPublicFollowup, fetchPublicFollowups, type PublicFollowup } from './api';

type Values = { kind: 'info' | 'callBack'; text: string; phone?: string };

const PHONE = /^1[0-9]{10}$/;

const FollowupList = ({ items, isLoading }: { items: PublicFollowup[]; isLoading: boolean }) => {
  const { t, i18n } = useTranslation();
  return (
    <List
      size="small"
      data-testid="public-followups"
      dataSource={items}
      loading={isLoading}
      locale={{ emptyText: t('report.followupEmpty') }}
      renderItem={(f) => (
        <List.Item key={f.id} data-testid="public-followup" style={{ paddingInline: 0 }}>
          <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
            <Flex gap={8} wrap align="center">
              <Tag color={f.kind === 'callBack' ? 'orange' : 'blue'}>
                {f.kind === 'callBack' ? t('report.followupCallBack') : t('report.followupInfo')}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTimeShort(f.at, i18n.language)}
              </Typography.Text>
            </Flex>
            <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {f.text}
            </Typography.Text>
            {f.phoneMasked === null ? null : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('report.followupPhoneShown', { phone: f.phoneMasked })}
              </Typography.Text>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
};

/** canAdd: false once the case is voided or merged, when the server takes nothing more; the list stays. */
export const FollowupsCard = ({ code, canAdd }: { code: string; canAdd: boolean }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'info';
  const loaded = useLoader((signal) => fetchPublicFollowups(code, signal), [code]);
  const [sent, setSent] = useState<PublicFollowup[] | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const items = sent ?? loaded.data?.items ?? [];

  const submit = async (values: Values) => {
    setIsSaving(true);
    setError(undefined);
    try {
      const phone = values.phone?.trim();
      const answer = await addPublicFollowup(code, {
        kind: values.kind,
        text: values.text.trim(),
        ...(values.kind === 'callBack' && phone !== undefined && phone !== '' ? { phone } : {}),
      });
      setSent(answer.items);
      form.resetFields(['text', 'phone']);
      void message.success(t('report.followupSent'));
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Card size="small" title={t('report.followups')} data-testid="followup-card">
      {canAdd ? (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'info' }}
          onFinish={(v) => void submit(v)}
          data-testid="followup-form"
        >
          <Form.Item name="kind" label={t('report.followupKind')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              style={{ display: 'flex', width: '100%' }}
              options={[
                {
                  value: 'info',
                  label: <span data-testid="followup-kind-info">{t('report.followupInfo')}</span>,
                  style: { flex: 1, textAlign: 'center' },
                },
                {
                  value: 'callBack',
                  label: <span data-testid="followup-kind-callBack">{t('report.followupCallBack')}</span>,
                  style: { flex: 1, textAlign: 'center' },
                },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="text"
            label={kind === 'callBack' ? t('report.followupTextCallBack') : t('report.followupText')}
            rules={[
              {
                required: true,
                whitespace: true,
                min: 2,
                transform: (v: string | undefined) => v?.trim(),
                message: t('report.followupTextRequired'),
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={1000}
              showCount
              placeholder={t('report.followupTextPlaceholder')}
              data-testid="followup-text"
            />
          </Form.Item>
          {kind === 'callBack' ? (
            <Form.Item
              name="phone"
              label={t('report.followupPhone')}
              extra={t('report.followupPhoneHint')}
              rules={[
                {
                  required: true,
                  pattern: PHONE,
                  transform: (v: string | undefined) => v?.trim(),
                  message: t('report.followupPhoneRequired'),
                },
              ]}
            >
              <Input
                type="tel"
                inputMode="numeric"
                autoComplete="tel"
                maxLength={11}
                data-testid="followup-phone"
              />
            </Form.Item>
          ) : null}
          {error === undefined ? null : (
            <div style={{ marginBottom: 12 }} data-testid="followup-error">
              <ProblemAlert error={error} />
            </div>
          )}
          <Button type="primary" htmlType="submit" block loading={isSaving} data-testid="followup-submit">
            {t('report.followupSubmit')}
          </Button>
        </Form>
      ) : null}
      <Typography.Text strong style={{ display: 'block', marginTop: canAdd ? 16 : 0 }}>
        {t('report.followupEarlier')}
      </Typography.Text>
      {loaded.error !== undefined && sent === null ? (
        <ProblemAlert error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <FollowupList items={items} isLoading={loaded.isLoading && sent === null} />
      )}
    </Card>
  );
};
