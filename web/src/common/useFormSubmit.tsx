// One way a dialog's form is sent: the form validated, the request sent with a saving flag, and a refusal shown under
// the form with the fields the problem+json answer names marked on it.
import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ProblemAlert } from './ProblemAlert';
import { problemText } from './problemText';

/**
 * Where each body field the API may name sits on the form: a path, or 'list' for a Form.List whose rows the API
 * names by index (`invitees.2.phone` marks that row's phone).
 */
export type FieldMap = Readonly<Record<string, (string | number)[] | 'list'>>;

/** Marks on the form each field a problem+json answer names (the fields the form has); the rest stay as they are. */
export const markFieldErrors = (
  form: FormInstance,
  failure: unknown,
  fields: FieldMap,
  message: string,
): void => {
  if (!(failure instanceof ApiError)) {
    return;
  }
  const marked: (string | number)[][] = [];
  for (const e of failure.errors) {
    const [first = '', ...rest] = e.field.replace(/^\/?body\/?/, '').split(/[/.]/);
    const place = fields[first];
    if (place === undefined) {
      continue;
    }
    marked.push(place === 'list' ? [first, ...rest.map((s) => (/^\d+$/.test(s) ? Number(s) : s))] : place);
  }
  if (marked.length > 0) {
    form.setFields(marked.map((name) => ({ name, errors: [message] })));
  }
};

/**
 * Sends a form: `send` gets the validated values (a form that does not validate shows its own messages and sends
 * nothing). While it runs `isSaving` is true; a refusal is kept in `error` and marks the fields it names with the
 * server's own words for it.
 */
export const useFormSubmit = <V,>(
  form: FormInstance<V>,
  fields: FieldMap,
  send: (values: V) => Promise<void>,
) => {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(undefined);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setIsSaving(true);
    setError(undefined);
    try {
      await send(values);
    } catch (failure) {
      markFieldErrors(form, failure, fields, problemText(failure, t).detail ?? t('common.checkField'));
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };
  return { submit, isSaving, error };
};

/** The refusal of a form's last submission, under the form; nothing while there is none. */
export const FormProblem = ({ error }: { error: unknown }) =>
  error === undefined ? null : (
    <div style={{ marginTop: 12 }}>
      <ProblemAlert error={error} />
    </div>
  );
