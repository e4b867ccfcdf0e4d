// Server-side messages in Simplified Chinese (first) and English.
export type Locale = 'zh-CN' | 'en';

export type Message = { zh: string; en: string };

export const msg = (zh: string, en: string): Message => ({ zh, en });

export function pick(message: Message, locale: Locale): string {
  return locale === 'en' ? message.en : message.zh;
}

/** The first supported language of an Accept-Language header; Chinese when none matches. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (acceptLanguage === undefined) {
    return 'zh-CN';
  }
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q.trim().slice(2)) || 0 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) {
      return 'zh-CN';
    }
    if (tag.startsWith('en')) {
      return 'en';
    }
  }
  return 'zh-CN';
}
