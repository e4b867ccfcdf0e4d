// Toggles between Simplified Chinese and English; the label names the language it switches to.
import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentLocale, setLocale } from '../i18n';

export const LanguageSwitch = ({ isOnDark = false }: { isOnDark?: boolean }) => {
  const { t } = useTranslation();
  const isChinese = currentLocale() === 'zh-CN';
  return (
    <Button
      data-testid="lang-switch"
      type={isOnDark ? 'default' : 'text'}
      ghost={isOnDark}
      icon={<GlobalOutlined />}
      aria-label={t('lang.switchTo')}
      title={t('lang.switchTo')}
      onClick={() => void setLocale(isChinese ? 'en' : 'zh-CN')}
    >
      <span lang={isChinese ? 'en' : 'zh-CN'}>{isChinese ? t('lang.en') : t('lang.zh')}</span>
    </Button>
  );
};
