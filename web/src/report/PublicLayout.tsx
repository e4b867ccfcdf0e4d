// The frame of the resident pages: phone-first, one narrow column, brand and language switch, no sign-in.
import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Brand } from '../shell/Brand';
import { LanguageSwitch } from '../shell/LanguageSwitch';

export const PublicLayout = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <header
        style={{ background: '#fff', borderTop: '3px solid #c8161d', borderBottom: '1px solid #f0f0f0' }}
      >
        <Flex
          align="center"
          justify="space-between"
          style={{ maxWidth: 520, margin: '0 auto', padding: '8px 12px' }}
        >
          <Brand />
          <LanguageSwitch />
        </Flex>
      </header>
      <main style={{ maxWidth: 520, margin: '0 auto', padding: 12 }}>{children}</main>
      <footer style={{ textAlign: 'center', padding: '8px 12px 24px' }}>
        <Flex justify="center" gap={16} wrap>
          <Link to="/report">{t('report.reportLink')}</Link>
          <Link to="/track">{t('report.trackLink')}</Link>
          <Link to="/guide">{t('report.guideLink')}</Link>
          <Link to="/notice">{t('assessment.public.footerLink')}</Link>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('app.district')}
        </Typography.Text>
      </footer>
    </div>
  );
};
