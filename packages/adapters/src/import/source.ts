import { ValidationError, type LocalizedText } from '@eduset/core/common';
import type { ImportFormat, ImportSource, TextEncodingName } from './types.js';

/**
 * A file-level problem (the file cannot be read at all) as a core `ValidationError` with one
 * issue at the empty path.
 */
export function fileError(code: string, text: LocalizedText): ValidationError {
  return new ValidationError([{ path: [], code, message: text }], text);
}

/** The bytes of a source given as bytes; `undefined` for CSV given as text. */
export function bytesOf(source: ImportSource): Uint8Array | undefined {
  if (typeof source === 'string') return undefined;
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  throw fileError('invalid_source', {
    ru: 'Ожидаются байты файла (Uint8Array, Buffer, ArrayBuffer) или текст CSV',
    en: 'Expected the bytes of a file (Uint8Array, Buffer, ArrayBuffer) or CSV text',
  });
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

const emptyFile: LocalizedText = {
  ru: 'Файл пуст (0 байт)',
  en: 'The file is empty (0 bytes)',
};

/**
 * Tells the format of a file from its first bytes (an XLSX file is a ZIP archive) and, when
 * the bytes do not decide, from its name. Anything that is not a ZIP archive is read as CSV
 * text.
 *
 * @throws ValidationError for an empty file or an old binary Excel file (`.xls`).
 * @example
 * ```ts
 * import { detectFormat } from '@eduset/adapters';
 * detectFormat(new TextEncoder().encode('Код;Наименование\n')); // 'csv'
 * detectFormat(new Uint8Array([0x50, 0x4b, 3, 4]), 'сеть.xlsx'); // 'xlsx'
 * ```
 */
export function detectFormat(source: ImportSource, fileName?: string): ImportFormat {
  const bytes = bytesOf(source);
  if (bytes === undefined) return 'csv';
  if (bytes.length === 0) throw fileError('empty_file', emptyFile);
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) {
    throw fileError('unsupported_format', {
      ru: 'Файл в старом формате Excel (.xls) не поддерживается: сохраните его как .xlsx или CSV',
      en: 'Old binary Excel files (.xls) are not supported: save the file as .xlsx or CSV',
    });
  }
  if (fileName !== undefined && /\.xls[xm]$/i.test(fileName.trim())) return 'xlsx';
  return 'csv';
}

/** Text decoded from CSV bytes, with the encoding it was read in. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

function decodeStrict(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const notText: LocalizedText = {
  ru: 'Файл не похож ни на CSV (текст), ни на XLSX: в нём двоичные данные',
  en: 'The file looks like neither CSV (text) nor XLSX: it holds binary data',
};

/**
 * Control characters that never occur in a CSV text (tab, line breaks, form feed and the
 * DOS end-of-file mark 0x1A aside).
 */
function isBinaryControl(code: number): boolean {
  return (
    code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x1a
  );
}

/** Rejects text that is really binary data: any NUL, or more than 1 % control characters. */
function checkText(text: string): void {
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) throw fileError('not_text', notText);
    if (isBinaryControl(code)) controls += 1;
  }
  if (controls > text.length / 100) throw fileError('not_text', notText);
}

/**
 * Decodes CSV bytes: a UTF-8 or UTF-16 byte-order mark decides; otherwise the bytes are
 * read as UTF-8 when they are valid UTF-8 and as Windows-1251 when they are not.
 */
export function decodeCsv(source: ImportSource, forced?: 'utf-8' | 'windows-1251'): DecodedText {
  const bytes = bytesOf(source);
  if (bytes === undefined) {
    const text = typeof source === 'string' ? source.replace(/^\uFEFF/, '') : '';
    checkText(text);
    return { text, encoding: 'text' };
  }
  if (bytes.length === 0) throw fileError('empty_file', emptyFile);
  let decoded: DecodedText;
  if (startsWith(bytes, UTF8_BOM) && forced !== 'windows-1251') {
    const text = decodeStrict(bytes.subarray(3), 'utf-8');
    if (text === undefined) {
      throw fileError('invalid_encoding', {
        ru: 'Файл помечен как UTF-8, но содержит недопустимые для UTF-8 байты',
        en: 'The file is marked as UTF-8 but holds bytes that are not valid UTF-8',
      });
    }
    decoded = { text, encoding: 'utf-8-bom' };
  } else if (startsWith(bytes, UTF16LE_BOM) && forced === undefined) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (startsWith(bytes, UTF16BE_BOM) && forced === undefined) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else if (forced === 'windows-1251') {
    decoded = { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  } else {
    const utf8 = decodeStrict(bytes, 'utf-8');
    if (utf8 !== undefined) decoded = { text: utf8, encoding: 'utf-8' };
    else if (forced === 'utf-8') {
      throw fileError('invalid_encoding', {
        ru: 'Файл не в кодировке UTF-8',
        en: 'The file is not encoded in UTF-8',
      });
    } else {
      decoded = { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
    }
  }
  checkText(decoded.text);
  return decoded;
}
