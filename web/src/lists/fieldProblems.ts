// Puts the server's per-field problems (400 request.invalid) on the form fields they name, so a refused save points
// at what to change; the dialog's alert still carries the problem's title.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** Server field paths ("categoryCode", "timeLimit.amount") → the form's field names, by their first part. */
export const showFieldProblems = <T extends object>(
  form: FormInstance<T>,
  error: unknown,
  names: Readonly<Record<string, string>> = {},
): void => {
  if (!(error instanceof ApiError) || error.errors.length === 0) {
    return;
  }
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = error.errors.flatMap((p) => {
    const key = p.field.split(/[./]/).filter((part) => part !== '' && part !== 'body')[0] ?? '';
    const name = names[key] ?? key;
    return known.has(name) ? [{ name, errors: [p.message] }] : [];
  });
  if (fields.length > 0) {
    form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  }
};
