// A resident objects to one village's result in a running notice: the whole result or one line of it, in their own
// words; the answer is a code to read the district's reply with. Phone and ID numbers typed in are masked on the
// server before the text is stored.
import { useState } from 'react';
import { Button, Form, Input, Modal, Result, Select, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { FormProblem, useFormSubmit } from '../../common/useFormSubmit';
import { filePublicObjection, publicNoticePaths, type PublicNoticeView, type PublicVillage } from '../api';
import { msg } from '../labels';

type Values = { lineCode: string | null; body: string };

const WHOLE = '';

export const ObjectionDialog = ({
  notice,
  village,
  onClose,
  onFiled,
}: {
  notice: PublicNoticeView;
  village: PublicVillage;
  onClose: () => void;
  onFiled: () => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [code, setCode] = useState<string | null>(null);
  const { submit, isSaving, error } = useFormSubmit(
    form,
    { body: ['body'], lineCode: ['lineCode'] },
    async (v) => {
      const answer = await filePublicObjection(notice.item.id, {
        sheetId: village.sheetId,
        lineCode: v.lineCode === WHOLE ? null : v.lineCode,
        body: v.body.trim(),
      });
      setCode(answer.code);
      onFiled();
    },
  );
  const starName = new Map(notice.stars.map((s) => [s.code, msg(s.name)]));
  const lineOptions = [
    { value: WHOLE, label: t('assessment.objections.wholeSheet') },
    ...notice.lines.map((l) => ({
      value: l.code,
      label: l.star === null ? msg(l.name) : `${starName.get(l.star) ?? l.star} · ${msg(l.name)}`,
    })),
  ];
  if (code !== null) {
    return (
      <Modal
        open
        title={t('assessment.public.objectTitle', { name: village.orgName })}
        onCancel={onClose}
        footer={
          <Button type="primary" onClick={onClose} data-testid="public-object-done">
            {t('assessment.public.done')}
          </Button>
        }
      >
        <Result
          status="success"
          title={t('assessment.public.filed')}
          subTitle={t('assessment.public.keepCode')}
          extra={
            <Typography.Title level={3} copyable data-testid="public-objection-code" style={{ margin: 0 }}>
              {code}
            </Typography.Title>
          }
        />
        <Link to={publicNoticePaths.objection(code)} data-testid="public-objection-follow">
          {t('assessment.public.follow')}
        </Link>
      </Modal>
    );
  }
  return (
    <Modal
      open
      title={t('assessment.public.objectTitle', { name: village.orgName })}
      okText={t('assessment.public.send')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving, 'data-testid': 'public-object-send' }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ lineCode: WHOLE, body: '' }}>
        <Form.Item name="lineCode" label={t('assessment.public.objectLine')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={lineOptions}
            data-testid="public-object-line"
          />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('assessment.public.objectBody')}
          extra={t('assessment.public.objectPrivacy')}
          rules={[
            { required: true, whitespace: true, message: t('assessment.public.bodyRequired') },
            { min: 5, message: t('assessment.public.bodyShort') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="public-object-body" />
        </Form.Item>
      </Form>
      <FormProblem error={error} />
    </Modal>
  );
};
