/** The languages Mizan speaks. Arabic and Persian are written right to left. */
export type Lang = 'en' | 'ar' | 'fa';

export const LANGS: readonly Lang[] = ['en', 'ar', 'fa'];

/** A text in each language. */
export type Localized = Readonly<Record<Lang, string>>;

export function isRtl(lang: Lang): boolean {
  return lang === 'ar' || lang === 'fa';
}

/** Picks a language from a locale such as "fa_IR", "ar-SA" or "en_US"; English otherwise. */
export function langFromLocale(locale: string | null | undefined): Lang {
  const code = (locale ?? '').slice(0, 2).toLowerCase();
  return code === 'ar' || code === 'fa' ? code : 'en';
}
