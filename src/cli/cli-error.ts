/**
 * The one error the command line stops with (exit 2): a one-line reason for the user, in Chinese
 * and English, printed without a stack trace.
 */
import type { Bilingual } from '../core/settings-schema';
import type { Lang } from './print';

export type { Bilingual, Lang };

export class UsageError extends Error {
  override name = 'UsageError';
  readonly en: string;

  constructor(
    readonly zh: string,
    en?: string,
  ) {
    super(zh);
    this.en = en ?? zh;
  }

  static of(text: Bilingual): UsageError {
    return new UsageError(text.zh, text.en);
  }

  text(lang: Lang): string {
    return lang === 'zh' ? this.zh : this.en;
  }
}
