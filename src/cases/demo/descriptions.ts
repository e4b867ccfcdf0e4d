// Plausible report texts for generated cases, built from the category and a place phrase.
import { pickOne, type Random } from '../../demo/chineseNames.js';
import type { Category } from '../catalogue/repository.js';

const places = [
  '小区南门',
  '菜场东侧',
  '村委会旁',
  '河边步道',
  '学校门口',
  '公交站台附近',
  '十字路口',
  '农贸市场',
  '老街巷口',
  '厂区围墙外',
  '健身广场',
  '桥头',
];
const openers = ['发现', '群众反映', '巡查中看到', '有人反映', '附近居民投诉'];
const tails = ['，请尽快处理。', '，影响周边群众生活。', '，已持续多日。', '，存在安全隐患。', '。'];

export function caseDescription(rand: Random, c: Category): string {
  return `${pickOne(rand, openers)}${pickOne(rand, places)}${c.name.zh}问题${pickOne(rand, tails)}`;
}
