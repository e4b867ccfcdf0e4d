// The rule catalogue of the one ledger: service hours (minutes) and party-member points (党员积分). Each rule says
// whether it adds or deducts, its usual amount, the most one occurrence may carry, and its cap per period.
import { localDate, localYear } from '../platform/time.js';

export const ledgerKinds = ['hours', 'points'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

export const capPeriods = ['day', 'month', 'quarter', 'year'] as const;
export type CapPeriod = (typeof capPeriods)[number];

export type LedgerRule = {
  code: string;
  kind: LedgerKind;
  /** What the entry counts toward (reports group by it). */
  category: string;
  /** +1 credits, -1 deducts; a correction is a reversal, never an entry of the other sign. */
  sign: 1 | -1;
  /** The usual amount of one occurrence (minutes or points, positive). */
  amount: number;
  /** The most one occurrence may carry (positive). */
  maxPerOccurrence: number;
  /** The most a member's net amount under this rule may reach in one period (absolute value). */
  cap: { period: CapPeriod; amount: number };
  name: { zh: string; en: string };
  /** Whether members' own branch approves it (points), or the community's organiser (hours). */
  approvedBy: 'branch' | 'community';
};

export const ledgerRules: readonly LedgerRule[] = [
  {
    code: 'service',
    kind: 'hours',
    category: 'volunteering',
    sign: 1,
    amount: 120,
    maxPerOccurrence: 480,
    cap: { period: 'day', amount: 480 },
    name: { zh: '志愿服务时长', en: 'Volunteer service hours' },
    approvedBy: 'community',
  },
  {
    code: 'study',
    kind: 'points',
    category: 'study',
    sign: 1,
    amount: 2,
    maxPerOccurrence: 5,
    cap: { period: 'quarter', amount: 10 },
    name: { zh: '学习教育', en: 'Study' },
    approvedBy: 'branch',
  },
  {
    code: 'meeting',
    kind: 'points',
    category: 'organisationalLife',
    sign: 1,
    amount: 2,
    maxPerOccurrence: 2,
    cap: { period: 'month', amount: 6 },
    name: { zh: '参加“三会一课”', en: 'Attending the three meetings and a lesson' },
    approvedBy: 'branch',
  },
  {
    code: 'volunteering',
    kind: 'points',
    category: 'volunteering',
    sign: 1,
    amount: 2,
    maxPerOccurrence: 5,
    cap: { period: 'year', amount: 30 },
    name: { zh: '志愿服务', en: 'Volunteering' },
    approvedBy: 'branch',
  },
  {
    code: 'commitment',
    kind: 'points',
    category: 'commitment',
    sign: 1,
    amount: 5,
    maxPerOccurrence: 10,
    cap: { period: 'year', amount: 20 },
    name: { zh: '承诺践诺', en: 'Commitments kept' },
    approvedBy: 'branch',
  },
  {
    code: 'absence',
    kind: 'points',
    category: 'organisationalLife',
    sign: -1,
    amount: 2,
    maxPerOccurrence: 2,
    cap: { period: 'year', amount: 24 },
    name: { zh: '无故缺席组织生活', en: 'Missing organisational life without reason' },
    approvedBy: 'branch',
  },
  {
    code: 'misconduct',
    kind: 'points',
    category: 'misconduct',
    sign: -1,
    amount: 10,
    maxPerOccurrence: 50,
    cap: { period: 'year', amount: 100 },
    name: { zh: '违规违纪扣分', en: 'Deduction for misconduct' },
    approvedBy: 'branch',
  },
];

export const ruleCodes = ledgerRules.map((r) => r.code);

export function ruleOf(code: string): LedgerRule | undefined {
  return ledgerRules.find((r) => r.code === code);
}

/** The period an instant falls in, in district time: 2026-03-05, 2026-03, 2026-Q1, 2026. */
export function periodKey(period: CapPeriod, at: number): string {
  const day = localDate(at);
  switch (period) {
    case 'day':
      return day;
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return String(localYear(at));
  }
}

/** The yearly bar of service hours a member is expected to reach (about 50 hours), in minutes. */
export const YEARLY_BAR_MINUTES = 50 * 60;
