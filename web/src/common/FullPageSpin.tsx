// Centered spinner used while the session or a page loads.
import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export const FullPageSpin = () => {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={t('common.loading')}>
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </Flex>
  );
};
