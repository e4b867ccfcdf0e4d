// The case categories' names in the console's language, by code, for the ticker and the alerts.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoader } from '../common/useLoader';
import { fetchCatalogue } from '../cases/api';

export const useCategoryNames = (): ReadonlyMap<string, string> => {
  const { i18n } = useTranslation();
  const catalogue = useLoader((signal) => fetchCatalogue(signal), [i18n.language]);
  return useMemo(() => new Map((catalogue.data?.items ?? []).map((c) => [c.code, c.name])), [catalogue.data]);
};
