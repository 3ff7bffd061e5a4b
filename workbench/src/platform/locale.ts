/**
 * The page's locale, from the URL (`locale=en_US|zh_CN`, default en_US). Backs
 * `@salesforce/i18n/locale`, `@salesforce/i18n/lang`, `@salesforce/i18n/dir`, `@salesforce/i18n/currency`
 * and the labels.
 */

export const WORKBENCH_LOCALES = ['en_US', 'zh_CN'] as const;
export type WorkbenchLocale = (typeof WORKBENCH_LOCALES)[number];

export function isWorkbenchLocale(value: unknown): value is WorkbenchLocale {
  return typeof value === 'string' && (WORKBENCH_LOCALES as readonly string[]).includes(value);
}

/** The locale the URL asks for; unknown values fall back to en_US (the app shell says so). */
export function workbenchLocale(): WorkbenchLocale {
  const requested = new URLSearchParams(window.location.search).get('locale');
  return isWorkbenchLocale(requested) ? requested : 'en_US';
}

/** BCP 47 form, as `@salesforce/i18n/locale` gives it (e.g. "zh-CN"). */
export const locale: string = workbenchLocale().replace('_', '-');
/** `@salesforce/i18n/lang`: the user's language, same form. */
export const lang: string = locale;
export const dir: 'ltr' | 'rtl' = 'ltr';
/** `@salesforce/i18n/currency`: the sample orgs are single-currency, in US dollars. */
export const currency = 'USD';
