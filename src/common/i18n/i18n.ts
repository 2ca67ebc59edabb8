/**
 * Korean-first, bilingual strings. Pages call `{{t "key"}}`; the language comes from `?lang=`
 * (remembered in a cookie), then the cookie, then Accept-Language, then Korean.
 */
import type { NextFunction, Request, Response } from 'express';
import { readCookie } from '../cookies';
import autoqaReasonsEn from './locales/autoqa-reasons.en.json';
import autoqaReasonsKo from './locales/autoqa-reasons.ko.json';
import en from './locales/en.json';
import errorsEn from './locales/errors.en.json';
import errorsKo from './locales/errors.ko.json';
import ko from './locales/ko.json';

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
type Dictionary = Record<string, string>;
/** The main files, plus files of one kind of text each (auto-QA reasons, service refusals). */
const DICTIONARIES: Record<Language, Dictionary> = {
  ko: { ...ko, ...autoqaReasonsKo, ...errorsKo },
  en: { ...en, ...autoqaReasonsEn, ...errorsEn },
};

export function isLanguage(value: unknown): value is Language {
  return value === 'ko' || value === 'en';
}

export function translate(lang: string, key: string, params: Record<string, unknown> = {}): string {
  const dict = DICTIONARIES[isLanguage(lang) ? lang : 'ko'];
  const template = dict[key] ?? DICTIONARIES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Whether the locale files have this key (in English, the language every key has). */
export function hasTranslation(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(DICTIONARIES.en, key);
}

export function resolveLanguage(req: Request): Language {
  const query = req.query.lang;
  if (isLanguage(query)) return query;
  const saved = readCookie(req, 'lang');
  if (isLanguage(saved)) return saved;
  const accepted = (req.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => part.split(';')[0].trim().slice(0, 2).toLowerCase());
  return accepted.find(isLanguage) ?? 'ko';
}

/** Express middleware: sets `res.locals.lang` for the views and remembers an explicit switch. */
export function languageMiddleware(req: Request, res: Response, next: NextFunction): void {
  const lang = resolveLanguage(req);
  if (isLanguage(req.query.lang)) {
    res.cookie('lang', lang, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 * 1000 });
  }
  res.locals.lang = lang;
  res.locals.otherLang = lang === 'ko' ? 'en' : 'ko';
  // The switch keeps the page and its filters, changing only the language.
  const url = new URL(req.originalUrl, 'http://local');
  url.searchParams.set('lang', res.locals.otherLang as string);
  res.locals.switchUrl = `${url.pathname}${url.search}`;
  next();
}
