// i18next set-up: Simplified Chinese by default, English second; the choice is kept in localStorage.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zh } from './zh';
import { en } from './en';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

const storageKey = 'tx.locale';

const isLocale = (value: string | null): value is Locale => value === 'zh-CN' || value === 'en';

const readStoredLocale = (): Locale => {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
};

const applyDocumentLocale = (locale: Locale): void => {
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
};

export const currentLocale = (): Locale => (isLocale(i18n.language) ? i18n.language : 'zh-CN');

export const setLocale = async (locale: Locale): Promise<void> => {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Private mode may refuse storage; the language still changes for this visit.
  }
  applyDocumentLocale(locale);
  await i18n.changeLanguage(locale);
};

export const initI18n = (): typeof i18n => {
  const locale = readStoredLocale();
  applyDocumentLocale(locale);
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
    lng: locale,
    fallbackLng: 'zh-CN',
    supportedLngs: [...locales],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
};
