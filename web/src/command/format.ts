// How the command view writes its numbers (counts, rates, hours, scores, stars), a figure's change against the
// period before, and the colours of its tones.
import type { TFunction } from 'i18next';
import type { FigureFormat, Tone } from './api';

export const formatFigure = (
  t: TFunction,
  value: number | null,
  format: FigureFormat,
  locale: string,
): string => {
  if (value === null) {
    return t('common.none');
  }
  switch (format) {
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'percent':
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value * 100)}%`;
    case 'hours':
      return t('command.units.hours', {
        value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value),
      });
    case 'score':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        value,
      );
    case 'stars':
      return t('command.units.stars', { value: new Intl.NumberFormat(locale).format(value) });
  }
};

/** The change from the previous period, in the figure's own unit (points for a rate); null when either is unknown. */
export const changeOf = (
  value: number | null,
  previous: number | null,
  format: FigureFormat,
): number | null => {
  if (value === null || previous === null) {
    return null;
  }
  const diff = value - previous;
  return format === 'percent' ? diff * 100 : diff;
};

export const formatChange = (
  t: TFunction,
  diff: number | null,
  format: FigureFormat,
  locale: string,
): string => {
  if (diff === null) {
    return t('common.none');
  }
  const digits = format === 'count' || format === 'stars' ? 0 : 1;
  const rounded = Number(diff.toFixed(digits));
  if (rounded === 0) {
    return t('command.briefing.same');
  }
  const size = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Math.abs(rounded));
  const text = format === 'percent' ? t('command.units.points', { value: size }) : size;
  return rounded > 0 ? `+${text}` : `−${text}`;
};

export type Palette = { normal: string; good: string; warning: string; danger: string };

export const deskPalette: Palette = {
  normal: 'rgba(0, 0, 0, 0.88)',
  good: '#389e0d',
  warning: '#d48806',
  danger: '#cf1322',
};

export const screenPalette: Palette = {
  normal: '#e6f4ff',
  good: '#73d13d',
  warning: '#ffc53d',
  danger: '#ff4d4f',
};

export const toneColour = (palette: Palette, tone: Tone): string => palette[tone];
