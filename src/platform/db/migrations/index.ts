// The ordered list of migrations. Append only; never edit a migration once it has landed.
import type { Migration } from '../columns.js';
import { migration as m0001 } from './0001_foundation.js';

export const migrations: readonly Migration[] = [m0001];
