// The product mark and name.
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export const Brand = ({ isCompact = false }: { isCompact?: boolean }) => {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={10} style={{ minWidth: 0 }}>
      <span className="tx-brand-mark" aria-hidden="true">
        同
      </span>
      {isCompact ? null : (
        <Flex vertical style={{ minWidth: 0, lineHeight: 1.2 }}>
          <Typography.Text strong style={{ fontSize: 16, color: '#c8161d' }}>
            {t('app.name')} <span style={{ fontWeight: 400, fontSize: 13 }}>{t('app.nameLatin')}</span>
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 11 }}>
            {t('app.subtitle')}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
};
