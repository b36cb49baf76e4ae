/**
 * Digits and signs typed in other forms, read once for values and tolerances alike.
 *
 * Decision (documented in docs/DOMAIN.md, "Reading tolerances"): full-width forms
 * (`９５％`, typed with an East Asian input method) and Arabic-Indic digits (`٩٥`, U+0660-0669
 * and U+06F0-06F9) are the same numbers and are read as ASCII digits; a decimal digit of any
 * other script is not guessed at, and makes the text unreadable (never a placeholder).
 */

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;
// A decimal digit of any script that is not ASCII (the ones read are mapped before this test).
const OTHER_DIGIT = /[^\d\P{Nd}]/u;
const NON_ASCII = /[^ -~\t\n\r]/;

/**
 * Full-width forms to ASCII, Arabic-Indic digits (and their decimal and thousands signs) to
 * ASCII digits, the ideographic and no-break spaces to a space. ASCII text is returned as is.
 *
 * @example
 * asciiNumerals('＜９０％') // '<90%'
 * asciiNumerals('٩٥٫٥')    // '95.5'
 */
export function asciiNumerals(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCodePoint(cp - 0xfee0);
    else if (cp >= ARABIC_INDIC_ZERO && cp <= ARABIC_INDIC_ZERO + 9) out += String(cp - ARABIC_INDIC_ZERO);
    else if (cp >= EXTENDED_ARABIC_INDIC_ZERO && cp <= EXTENDED_ARABIC_INDIC_ZERO + 9) out += String(cp - EXTENDED_ARABIC_INDIC_ZERO);
    else if (cp === 0x066b) out += '.'; // Arabic decimal separator
    else if (cp === 0x066c) out += ','; // Arabic thousands separator
    else if (cp === 0x066a) out += '%'; // Arabic percent sign
    else if (cp === 0x3000 || cp === 0x00a0 || cp === 0x202f) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * Whether the text holds a decimal digit of a script the engine does not read (Devanagari,
 * Thai, ...), after `asciiNumerals`.
 *
 * @example
 * hasUnreadDigits('९५%') // true
 * hasUnreadDigits('95%') // false
 */
export function hasUnreadDigits(text: string): boolean {
  return NON_ASCII.test(text) && OTHER_DIGIT.test(text);
}
