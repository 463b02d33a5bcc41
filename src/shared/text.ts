/** Lower-case, accents removed, apostrophes and spaces normalised: for matching and search. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

// C0 control characters but tab, line feed and carriage return, and DEL: never meaningful in
// a label or an identifier, invisible on screen, and PostgreSQL refuses U+0000 in any text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** True when the text holds a control character (U+0000 included) that no label needs. */
export function hasControlChars(s: string): boolean {
  return CONTROL_CHARS.test(s);
}

/** The text without its control characters (tab, line feed and carriage return are kept). */
export function stripControlChars(s: string): string {
  return s.replace(CONTROL_CHARS_ALL, '');
}
