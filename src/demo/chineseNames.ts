// Deterministic random numbers and plausible Chinese personal names for the demo district (no real people).

export { seededRandom } from '../platform/random.js';

export type Random = () => number;

export const randInt = (rand: Random, min: number, max: number): number =>
  min + Math.floor(rand() * (max - min + 1));

export function pickOne<T>(rand: Random, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

/** Picks by weight; weights need not sum to one. */
export function pickWeighted<T>(rand: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, weight] of entries) {
    r -= weight;
    if (r < 0) {
      return value;
    }
  }
  return entries.at(-1)![0];
}

// Common surnames, weighted roughly as in Jiangsu (顾、施、陆、季、曹 are frequent around Nantong).
const SURNAMES: readonly (readonly [string, number])[] = [
  ['张', 60],
  ['王', 55],
  ['陈', 50],
  ['李', 45],
  ['顾', 40],
  ['施', 35],
  ['陆', 35],
  ['徐', 35],
  ['朱', 30],
  ['周', 30],
  ['黄', 28],
  ['吴', 28],
  ['曹', 25],
  ['季', 25],
  ['钱', 22],
  ['姜', 20],
  ['杨', 20],
  ['刘', 20],
  ['沈', 18],
  ['孙', 18],
  ['赵', 15],
  ['袁', 15],
  ['冯', 12],
  ['范', 12],
  ['许', 12],
  ['蔡', 12],
  ['丁', 12],
  ['严', 10],
  ['邱', 10],
  ['倪', 10],
  ['宋', 10],
  ['郁', 10],
  ['瞿', 8],
  ['成', 8],
  ['葛', 8],
  ['缪', 8],
  ['保', 6],
  ['仇', 6],
  ['龚', 6],
  ['唐', 6],
  ['高', 6],
  ['宗', 5],
  ['汤', 5],
  ['邵', 5],
  ['印', 5],
  ['卢', 5],
  ['管', 4],
  ['冒', 4],
  ['江', 4],
  ['金', 4],
  ['何', 4],
  ['胡', 4],
  ['郭', 4],
  ['马', 4],
  ['罗', 3],
  ['梁', 3],
];

const MALE_CHARS = Array.from(
  '建国华明伟军强平志忠俊斌杰涛波勇毅峰磊刚宏德林海东明亮文武永春新庆荣祥福贵兵才宇浩然辉',
);
const FEMALE_CHARS = Array.from('秀英兰芳玉珍丽美红霞梅燕琴云萍静婷雪娟慧敏倩颖洁佳彤娜莉淑蓉琳月艳晶菊凤丹');
const NEUTRAL_CHARS = Array.from('金小文春海晓家永思晨嘉子一安宁立正光');

export function chineseName(rand: Random, gender: 'male' | 'female'): string {
  const surname = pickWeighted(rand, SURNAMES);
  const pool = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const first = rand() < 0.35 ? pickOne(rand, NEUTRAL_CHARS) : pickOne(rand, pool);
  return rand() < 0.22 ? surname + pickOne(rand, pool) : surname + first + pickOne(rand, pool);
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 23 → 二十三 (enough for the demo's counts). */
export function chineseNumber(n: number): string {
  if (n <= 10) {
    return NUMERALS[n - 1]!;
  }
  if (n < 20) {
    return `十${NUMERALS[n - 11]!}`;
  }
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens - 1]!}十${ones === 0 ? '' : NUMERALS[ones - 1]!}`;
}
