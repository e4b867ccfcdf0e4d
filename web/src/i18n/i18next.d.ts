// Types i18next's t() against the Chinese messages so an unknown key fails the type check.
import 'i18next';
import type { zh } from './zh';

declare module 'i18next' {
  // Module augmentation requires an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zh };
  }
}
