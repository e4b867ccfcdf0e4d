// Turns any thrown error into the title and detail a person should read; server titles are already localized.
import type { TFunction } from 'i18next';
import { ApiError, NetworkError } from '../api/client';

export type ProblemText = { title: string; detail: string | undefined };

export const problemText = (error: unknown, t: TFunction): ProblemText => {
  if (error instanceof ApiError) {
    return { title: error.title, detail: error.detail };
  }
  if (error instanceof NetworkError) {
    return { title: t('errors.network'), detail: undefined };
  }
  return { title: t('errors.unknown'), detail: undefined };
};
