// The categories a user reported most recently, remembered on this device for the quick report.
const KEY = 'tx.cases.recentCategories';
const KEEP = 6;

export const readRecentCategories = (): string[] => {
  try {
    const raw = window.localStorage.getItem(KEY);
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(parsed)
      ? parsed.filter((x): x is string => typeof x === 'string').slice(0, KEEP)
      : [];
  } catch {
    return [];
  }
};

export const rememberCategory = (code: string): void => {
  try {
    const next = [code, ...readRecentCategories().filter((c) => c !== code)].slice(0, KEEP);
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage may be refused (private mode); the list is a convenience only.
  }
};
