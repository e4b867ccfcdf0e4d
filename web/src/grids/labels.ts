// Display helpers for grid values.
import type { TFunction } from 'i18next';

export const areaText = (t: TFunction, m2: number): string =>
  m2 >= 100_000
    ? t('grids.areaKm2', { value: (m2 / 1_000_000).toFixed(2) })
    : t('grids.areaM2', { value: Math.round(m2).toLocaleString() });
