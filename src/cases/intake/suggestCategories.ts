// Suggests leaf categories for a report's text from their names and keywords.
import type { Category } from '../catalogue/repository.js';

export function suggestCategories(categories: readonly Category[], text: string, limit = 5): Category[] {
  const t = text.trim();
  if (t === '') {
    return [];
  }
  const scored = categories
    .filter((c) => c.depth === 3 && c.active)
    .map((c) => {
      let score = 0;
      if (t.includes(c.name.zh)) {
        score += 10;
      }
      for (const k of c.keywords) {
        if (k !== '' && t.includes(k)) {
          score += 3 + k.length;
        }
      }
      // Two-character pieces of the name catch "垃圾" in "有一堆垃圾没人管".
      for (let i = 0; i + 2 <= c.name.zh.length; i++) {
        if (t.includes(c.name.zh.slice(i, i + 2))) {
          score += 1;
        }
      }
      return { c, score };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.c.code.localeCompare(b.c.code));
  return scored.slice(0, limit).map((x) => x.c);
}
