// Guards that need the catalogue: only some categories may be settled on the spot (自处理).
import { AppError } from '../../../platform/errors.js';
import { msg } from '../../../platform/i18n.js';
import { catalogueRepository } from '../../catalogue/repository.js';
import type { Effect } from './context.js';

export const requireSelfHandling: Effect = async (e) => {
  const category = await catalogueRepository(e.trx).find(e.c.category_code);
  if (category?.selfHandle !== true) {
    throw new AppError('workflow.transition_not_allowed', {
      detail: msg('该类别不允许网格员现场自处理', 'This category may not be settled on the spot'),
    });
  }
};
