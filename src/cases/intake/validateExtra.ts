// Checks a report's extra fields against its category's field definitions.
import type { ExtraField } from '../catalogue/defaultCatalogue.js';
import type { FieldError } from '../../platform/errors.js';

export type ExtraValues = Record<string, string | number | string[]>;

export function validateExtra(
  fields: readonly ExtraField[],
  values: Record<string, unknown>,
): { values: ExtraValues; errors: FieldError[] } {
  const out: ExtraValues = {};
  const errors: FieldError[] = [];
  const known = new Set(fields.map((f) => f.code));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) {
      errors.push({ field: `extra.${key}`, message: 'unknown field for this category' });
    }
  }
  for (const f of fields) {
    const raw = values[f.code];
    const field = `extra.${f.code}`;
    if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) {
      if (f.required) {
        errors.push({ field, message: 'required' });
      }
      continue;
    }
    const allowed = new Set((f.values ?? []).map((v) => v.key));
    switch (f.type) {
      case 'string':
      case 'text':
        if (typeof raw !== 'string' || raw.length > (f.type === 'string' ? 200 : 2000)) {
          errors.push({ field, message: 'must be text of reasonable length' });
        } else {
          out[f.code] = raw;
        }
        break;
      case 'number': {
        const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
        if (!Number.isFinite(n)) {
          errors.push({ field, message: 'must be a number' });
        } else {
          out[f.code] = n;
        }
        break;
      }
      case 'datetime':
        if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) {
          errors.push({ field, message: 'must be an ISO 8601 date-time' });
        } else {
          out[f.code] = new Date(Date.parse(raw)).toISOString();
        }
        break;
      case 'singlevaluelist':
        if (typeof raw !== 'string' || !allowed.has(raw)) {
          errors.push({ field, message: `must be one of ${[...allowed].join(', ')}` });
        } else {
          out[f.code] = raw;
        }
        break;
      case 'multivaluelist': {
        const list = Array.isArray(raw) ? raw : [raw];
        if (!list.every((v): v is string => typeof v === 'string' && allowed.has(v))) {
          errors.push({ field, message: `each must be one of ${[...allowed].join(', ')}` });
        } else {
          out[f.code] = [...new Set(list)];
        }
        break;
      }
    }
  }
  return { values: out, errors };
}
