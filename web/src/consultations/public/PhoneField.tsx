// The phone-number field of the public forms: the number proves one person, once; it is never published.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHONE } from '../api';

export const PhoneField = () => {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="phone"
      label={t('consultations.public.phone')}
      extra={t('consultations.public.phoneHint')}
      rules={[{ required: true, pattern: PHONE, message: t('consultations.public.phoneInvalid') }]}
    >
      <Input inputMode="numeric" autoComplete="tel" maxLength={11} size="large" data-testid="public-phone" />
    </Form.Item>
  );
};
