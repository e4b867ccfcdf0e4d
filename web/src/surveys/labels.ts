// Shared labels of the surveys pages: state colours and percentages.
import type { SurveyState } from './api';

export const stateColour: Record<SurveyState, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'success',
};

/** A share (0–1) as a percentage with one decimal, or a dash. */
export const percent = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`;
