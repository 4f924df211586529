import type { Messages } from '../i18n/i18n';
import type { ParseError } from './settings-input';

export function parseErrorText(t: Messages, e: ParseError): string {
  switch (e.kind) {
    case 'whole-number':
      return t.wholeNumber(e.min, e.max);
    case 'bad-host':
      return t.badHost;
    case 'phrase-too-short':
      return t.phraseTooShort(e.phrase);
  }
}
