/** The pane's language (from Office's display language) and a typed `t(id, params)` for components. */
import { createContext, ReactNode, useContext, useMemo } from 'react';
import { en, MessageId, zh } from './messages';

export type Lang = 'zh' | 'en';
export type { MessageId } from './messages';
export type Params = Record<string, string | number>;
export type Translate = (id: MessageId, params?: Params) => string;
/** A shell's own wording for some messages (the browser page has no Excel grid): per language, by id. */
export type MessageOverrides = Partial<Record<Lang, Partial<Record<MessageId, string>>>>;

/** English for en-*, Chinese for everything else: the users are Chinese finance staff. */
export function pickLanguage(displayLanguage: string | undefined | null): Lang {
  return /^en\b/i.test(displayLanguage ?? '') ? 'en' : 'zh';
}

export function translator(lang: Lang, overrides?: MessageOverrides): Translate {
  const table = lang === 'en' ? en : zh;
  const own = overrides?.[lang];
  return (id, params) => {
    const text: string = own?.[id] ?? table[id];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
  };
}

interface I18n {
  lang: Lang;
  t: Translate;
}

const I18nContext = createContext<I18n>({ lang: 'zh', t: translator('zh') });

export function I18nProvider({ lang, overrides, children }: { lang: Lang; overrides?: MessageOverrides; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: translator(lang, overrides) }), [lang, overrides]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
