// The ledger's rule catalogue, for naming an act's or entry's rule in the reader's language.
import { useMemo } from 'react';
import { useLoader } from '../common/useLoader';
import { currentLocale } from '../i18n';
import { fetchRules } from './api';

export const useRuleNames = (): ((code: string) => string) => {
  const { data } = useLoader((signal) => fetchRules(signal), []);
  const locale = currentLocale();
  return useMemo(() => {
    const names = new Map((data?.items ?? []).map((r) => [r.code, locale === 'en' ? r.nameEn : r.nameZh]));
    return (code: string) => names.get(code) ?? code;
  }, [data, locale]);
};
