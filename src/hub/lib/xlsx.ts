import { once } from 'node:events';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

// A one-sheet XLSX workbook written as a stream: the sheet is deflated as its rows come, so an
// export of a million rows never sits in memory. An XLSX file is a ZIP of a few XML parts
// (ECMA-376); the ZIP is written by hand (local headers, data descriptors for the streamed
// part, central directory), below 4 GB (no ZIP64: a national-layout export is far smaller).

export type Cell = string | number;

interface Entry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  streamed: boolean;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (2020 - 1980) << 9 | 1 << 5 | 1; // 1 Jan 2020: a fixed date keeps the file reproducible

function localHeader(e: Entry): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  h.writeUInt16LE(e.streamed ? 0x0008 : 0, 6); // bit 3: sizes and CRC follow the data
  h.writeUInt16LE(8, 8); // deflate
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(e.streamed ? 0 : e.crc, 14);
  h.writeUInt32LE(e.streamed ? 0 : e.compressed, 18);
  h.writeUInt32LE(e.streamed ? 0 : e.size, 22);
  h.writeUInt16LE(e.name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, e.name]);
}

function dataDescriptor(e: Entry): Buffer {
  const d = Buffer.alloc(16);
  d.writeUInt32LE(0x08074b50, 0);
  d.writeUInt32LE(e.crc, 4);
  d.writeUInt32LE(e.compressed, 8);
  d.writeUInt32LE(e.size, 12);
  return d;
}

function centralDirectory(entries: Entry[], offset: number): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(20, 4); // made by 2.0
    h.writeUInt16LE(20, 6);
    h.writeUInt16LE(e.streamed ? 0x0008 : 0, 8);
    h.writeUInt16LE(8, 10);
    h.writeUInt16LE(DOS_TIME, 12);
    h.writeUInt16LE(DOS_DATE, 14);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(e.compressed, 20);
    h.writeUInt32LE(e.size, 24);
    h.writeUInt16LE(e.name.length, 28);
    // extra, comment, disk, internal and external attributes: 0
    h.writeUInt32LE(e.offset, 42);
    parts.push(h, e.name);
  }
  const cd = Buffer.concat(parts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([cd, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const STATIC_PARTS: [string, string][] = [
  [
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  ],
  [
    '_rels/.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ],
  [
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  ],
  [
    'xl/styles.xml',
    // style 0: normal; style 1: bold (the header row)
    `${XML}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
  ],
];

// Characters XML 1.0 cannot carry at all (controls but tab, LF, CR; lone surrogates; U+FFFE/F).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Row `number` (from 1), with cell references as spreadsheet programs write them: numbers as
 * numbers, the rest as inline strings (no shared-strings table to hold in memory).
 */
export function rowXml(cells: readonly Cell[], number: number, style = 0): string {
  const s = style ? ` s="${style}"` : '';
  let xml = `<row r="${number}">`;
  cells.forEach((c, i) => {
    const ref = `${columnName(i)}${number}`;
    if (typeof c === 'number' && Number.isFinite(c)) xml += `<c r="${ref}"${s}><v>${c}</v></c>`;
    else xml += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(c))}</t></is></c>`;
  });
  return xml + '</row>';
}

function workbookXml(sheetName: string): string {
  return `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${escapeXml(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

/**
 * The bytes of a workbook with one sheet: `header` in bold and frozen, then `rows` (each an
 * array of rows, e.g. the rows of one record) as they come.
 */
export async function* xlsxStream(sheetName: string, header: readonly string[], rows: AsyncIterable<readonly Cell[][]>): AsyncGenerator<Buffer> {
  const entries: Entry[] = [];
  let offset = 0;
  const emit = (b: Buffer) => {
    offset += b.length;
    return b;
  };

  for (const [name, text] of [...STATIC_PARTS, ['xl/workbook.xml', workbookXml(sheetName)] as [string, string]]) {
    const raw = Buffer.from(text, 'utf8');
    const data = deflateRawSync(raw);
    const e: Entry = { name: Buffer.from(name), crc: crc32(raw), compressed: data.length, size: raw.length, offset, streamed: false };
    entries.push(e);
    yield emit(localHeader(e));
    yield emit(data);
  }

  const sheet: Entry = { name: Buffer.from('xl/worksheets/sheet1.xml'), crc: 0, compressed: 0, size: 0, offset, streamed: true };
  entries.push(sheet);
  yield emit(localHeader(sheet));

  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const ended = once(deflate, 'end');
  function* drain(): Generator<Buffer> {
    while (out.length) {
      const c = out.shift()!;
      sheet.compressed += c.length;
      yield emit(c);
    }
  }
  async function write(text: string) {
    const raw = Buffer.from(text, 'utf8');
    sheet.crc = crc32(raw, sheet.crc);
    sheet.size += raw.length;
    if (sheet.size > 0xffff_ffff) throw new Error('export too large for one XLSX sheet (4 GB)');
    if (!deflate.write(raw)) await once(deflate, 'drain');
  }

  await write(
    `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>${rowXml(header, 1, 1)}`,
  );
  let buffered = '';
  let number = 1;
  for await (const group of rows) {
    for (const r of group) buffered += rowXml(r, ++number);
    if (buffered.length > 64_000) {
      await write(buffered);
      buffered = '';
      yield* drain();
    }
  }
  await write(`${buffered}</sheetData></worksheet>`);
  deflate.end();
  await ended;
  yield* drain();
  if (sheet.compressed > 0xffff_ffff) throw new Error('export too large for one XLSX sheet (4 GB)');
  yield emit(dataDescriptor(sheet));
  yield centralDirectory(entries, offset);
}
