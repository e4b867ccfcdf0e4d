// Entry point: i18n, antd theme and locale, router and session.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { initI18n } from './i18n';
import { AuthProvider } from './auth/AuthProvider';
import { App } from './App';
import './global.css';

initI18n();

const partyRed = '#c8161d';

const Root = () => {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{
        token: { colorPrimary: partyRed, colorLink: partyRed, borderRadius: 6 },
        components: { Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 16px' } },
      }}
    >
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <App />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
};

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html has no #root element');
}
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
