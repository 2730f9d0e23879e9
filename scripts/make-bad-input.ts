/**
 * The bad-input corpus (test/fixtures/bad-input/): what real county workbooks contain, one
 * file per kind of trouble. Every file is listed with its exact expected outcome in
 * test/fixtures/bad-input/cases.json, which test/trust/bad-input.test.ts checks.
 *
 *   node scripts/make-bad-input.js [outDir]        (default test/fixtures/bad-input)
 *
 * Deterministic bytes: fixed workbook dates and fixed zip entry times, so regenerating gives
 * the committed files exactly (the test checks it). The 1 048 576-row sheet is NOT here: it is
 * written at test time into a temp dir (writeMillionRows), never committed.
 * Amounts in 万元. All firm names are fictitious.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import * as ExcelJS from "exceljs";
import { usccCheckChar, USCC_CHARSET } from "../src/core/ids";

type Cell = ExcelJS.CellValue;

/** A valid 统一社会信用代码 for a sequence number (Zongyang: 340722). */
export function uscc(n: number): string {
  let body = "";
  let k = n;
  for (let i = 0; i < 7; i++) {
    body = USCC_CHARSET[k % 31] + body;
    k = Math.floor(k / 31);
  }
  const first17 = `91340722MA${body}`;
  return first17 + usccCheckChar(first17);
}

const FIXED_DATE = new Date(Date.UTC(2023, 10, 1));

/** The monthly report header used by most files (columns A–F). */
export const MONTHLY_HEADER = ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值", "说明"];

function newBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jx make-bad-input";
  wb.lastModifiedBy = "jx make-bad-input";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function addRows(ws: ExcelJS.Worksheet, rows: Cell[][], first = 1): void {
  rows.forEach((r, i) => {
    r.forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(first + i, c + 1).value = v;
    });
  });
}

/**
 * Zip entries carry the time they were written: set every local and central header to
 * 1980-01-01 00:00 (DOS date 0x0021) so the bytes depend on the content only.
 */
export function fixZipTimes(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  let eocd = -1;
  for (let i = out.length - 22; i >= 0; i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file");
  const count = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    out.writeUInt16LE(0, p + 12);
    out.writeUInt16LE(0x0021, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error("bad local header");
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(0x0021, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return fixZipTimes(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

// ------------------------------------------------------------------ compound files (.xls, encrypted .xlsx)

/**
 * A minimal but well-formed compound file (CFB v3, 512-byte sectors): what Excel 97-2003 .xls
 * files and password-protected .xlsx files are. Streams under 4096 bytes go to the mini stream.
 */
export function compoundFile(streams: Array<{ name: string; data: Buffer }>): Buffer {
  const SECTOR = 512;
  const MINI = 64;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const sectorsOf = (n: number, size: number) => Math.ceil(n / size);

  const small = streams.filter((s) => s.data.length < 4096);
  const big = streams.filter((s) => s.data.length >= 4096);
  // Mini stream: small streams packed in 64-byte mini sectors.
  const miniStart = new Map<string, number>();
  const miniFat: number[] = [];
  const miniParts: Buffer[] = [];
  for (const s of small) {
    const n = Math.max(1, sectorsOf(s.data.length, MINI));
    miniStart.set(s.name, miniFat.length);
    for (let i = 0; i < n; i++) miniFat.push(i === n - 1 ? END : miniFat.length + 1);
    const padded = Buffer.alloc(n * MINI);
    s.data.copy(padded);
    miniParts.push(padded);
  }
  const miniStream = Buffer.concat(miniParts);
  const entries = 1 + streams.length;
  const dirSectors = sectorsOf(entries * 128, SECTOR);
  const miniFatSectors = miniFat.length ? sectorsOf(miniFat.length * 4, SECTOR) : 0;
  const miniStreamSectors = sectorsOf(miniStream.length, SECTOR);
  const bigSectors = big.map((s) => sectorsOf(s.data.length, SECTOR));
  const dataSectors = dirSectors + miniFatSectors + miniStreamSectors + bigSectors.reduce((a, b) => a + b, 0);
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + dataSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("compound file too large for this writer");

  const fat: number[] = [];
  const chain = (n: number) => {
    const start = fat.length;
    for (let i = 0; i < n; i++) fat.push(i === n - 1 ? END : fat.length + 1);
    return n ? start : END;
  };
  for (let i = 0; i < fatSectors; i++) fat.push(FATSECT);
  const dirStart = chain(dirSectors);
  const miniFatStart = chain(miniFatSectors);
  const miniStreamStart = chain(miniStreamSectors);
  const bigStart = big.map((_, i) => chain(bigSectors[i]));

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(miniFatSectors ? miniFatStart : END, 60);
  header.writeUInt32LE(miniFatSectors, 64);
  header.writeUInt32LE(END, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : FREE, 76 + i * 4);

  const fatBuf = Buffer.alloc(fatSectors * SECTOR, 0xff);
  fat.forEach((v, i) => fatBuf.writeUInt32LE(v >>> 0, i * 4));

  // Directory: the root, then the streams as a chain of right siblings in CFB name order.
  const dir = Buffer.alloc(dirSectors * SECTOR);
  const entry = (i: number, name: string, type: number, left: number, right: number, child: number, start: number, size: number) => {
    const o = i * 128;
    const n = Buffer.from(name + "\0", "utf16le");
    n.copy(dir, o);
    dir.writeUInt16LE(n.length, o + 64);
    dir.writeUInt8(type, o + 66);
    dir.writeUInt8(1, o + 67); // black
    dir.writeUInt32LE(left >>> 0, o + 68);
    dir.writeUInt32LE(right >>> 0, o + 72);
    dir.writeUInt32LE(child >>> 0, o + 76);
    dir.writeUInt32LE(start >>> 0, o + 116);
    dir.writeUInt32LE(size, o + 120);
  };
  for (let i = entries; i < dirSectors * 4; i++) {
    const o = i * 128;
    dir.writeUInt32LE(FREE, o + 68);
    dir.writeUInt32LE(FREE, o + 72);
    dir.writeUInt32LE(FREE, o + 76);
  }
  const order = streams
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.name.length - b.s.name.length || (a.s.name.toUpperCase() < b.s.name.toUpperCase() ? -1 : 1));
  entry(0, "Root Entry", 5, FREE, FREE, order.length ? order[0].i + 1 : FREE, miniStream.length ? miniStreamStart : END, miniStream.length);
  order.forEach(({ s, i }, k) => {
    const next = k + 1 < order.length ? order[k + 1].i + 1 : FREE;
    const bi = big.indexOf(s);
    const start = bi >= 0 ? bigStart[bi] : miniStart.get(s.name)!;
    entry(i + 1, s.name, 2, FREE, next, FREE, start, s.data.length);
  });

  const miniFatBuf = Buffer.alloc(miniFatSectors * SECTOR, 0xff);
  miniFat.forEach((v, i) => miniFatBuf.writeUInt32LE(v >>> 0, i * 4));
  const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc(sectorsOf(b.length, SECTOR) * SECTOR - b.length)]);
  return Buffer.concat([header, fatBuf, dir, miniFatBuf, pad(miniStream), ...big.map((s) => pad(s.data))]);
}

/** Deterministic pseudo-random bytes (the "ciphertext" of the encrypted package). */
function noise(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

/** What Excel writes for a workbook with an open password (agile encryption, ECMA-376 part 2). */
function encryptedXlsx(): Buffer {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
    '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="' +
    noise(16, 1).toString("base64") +
    '"/><keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="' +
    noise(16, 2).toString("base64") +
    '"/></keyEncryptor></keyEncryptors></encryption>';
  const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from(xml, "utf8")]);
  const size = Buffer.alloc(8);
  size.writeUInt32LE(6144, 0);
  const pkg = Buffer.concat([size, noise(6144, 3)]);
  return compoundFile([
    { name: "EncryptionInfo", data: info },
    { name: "EncryptedPackage", data: pkg },
  ]);
}

/** An Excel 97-2003 workbook stream: BIFF8 BOF (workbook globals) … EOF. */
function legacyXls(): Buffer {
  const bof = Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xbb, 0x0d, 0xcc, 0x07, 0xc9, 0x00, 0x00, 0x00, 0x06, 0x03, 0x00, 0x00]);
  const eof = Buffer.from([0x0a, 0x00, 0x00, 0x00]);
  const workbook = Buffer.concat([bof, eof, Buffer.alloc(4096 - bof.length - eof.length)]);
  return compoundFile([{ name: "Workbook", data: workbook }]);
}

/** A minimal zip (stored entries) holding only a text file: a zip, but no workbook. */
/**
 * A minimal zip. Entries are stored, or deflated (`deflate`); `declare` overrides the size the
 * headers declare (a zip bomb lies about it).
 */
function zipOf(files: Array<{ name: string; data: Buffer; deflate?: boolean; declare?: number }>): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, "utf8");
    const crc = crc32(f.data);
    const body = f.deflate ? zlib.deflateRawSync(f.data, { level: 9 }) : f.data;
    const size = f.declare ?? f.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(f.deflate ? 8 : 0, 8);
    lh.writeUInt16LE(0x0021, 12);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(f.deflate ? 8 : 0, 10);
    ch.writeUInt16LE(0x0021, 14);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    centrals.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** GBK bytes of a text (CSV files saved by Chinese Excel/WPS), via the platform's GBK decoder. */
export function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder("gbk");
  const map = new Map<string, number[]>();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    if (map.size === 0) {
      for (let hi = 0x81; hi <= 0xfe; hi++) {
        for (let lo = 0x40; lo <= 0xfe; lo++) {
          if (lo === 0x7f) continue;
          const c = decoder.decode(new Uint8Array([hi, lo]));
          if (c.length === 1 && c !== "\ufffd" && !map.has(c)) map.set(c, [hi, lo]);
        }
      }
    }
    const bytes = map.get(ch);
    if (!bytes) throw new Error(`no GBK code for ${ch}`);
    out.push(...bytes);
  }
  return Buffer.from(out);
}

// ------------------------------------------------------------------ hand-written SpreadsheetML

const xmlText = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A cell of a hand-written sheet: a number, a shared-string index (`s`) or the raw `<c>` XML. */
function inlineRow(r: number, cells: string[]): string {
  return `<row r="${r}">${cells.join("")}</row>`;
}
const strCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`;
const numCell = (ref: string, v: string) => `<c r="${ref}"><v>${v}</v></c>`;

/** The monthly header (A–F) and one firm (row 2), inline strings. */
function monthlyHead(): string[] {
  return [
    inlineRow(1, MONTHLY_HEADER.map((h, i) => strCell(`${String.fromCharCode(65 + i)}1`, h))),
    inlineRow(2, [strCell("A2", "安徽甲机械有限公司"), strCell("B2", C(1)), numCell("C2", "500"), numCell("D2", "5000"), numCell("E2", "4500")]),
  ];
}

/**
 * An .xlsx written by hand, part by part (what other tools, or an attacker, can write): sheets
 * of raw `<sheetData>` rows plus what follows it (merges), optional shared strings, and per part
 * `deflate` / `declare` (the declared size) for the zip bombs.
 */
export function rawXlsx(
  sheets: Array<{ name: string; rows: string[]; after?: string; deflate?: boolean; declare?: number; pad?: number }>,
  shared?: string[],
): Buffer {
  const ct =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
    (shared ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : "") +
    "</Types>";
  const rootRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  const workbook =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
    sheets.map((sh, i) => `<sheet name="${xmlText(sh.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    "</sheets></workbook>";
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
    (shared ? `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : "") +
    "</Relationships>";
  const files: Array<{ name: string; data: Buffer; deflate?: boolean; declare?: number }> = [
    { name: "[Content_Types].xml", data: Buffer.from(ct) },
    { name: "_rels/.rels", data: Buffer.from(rootRels) },
    { name: "xl/workbook.xml", data: Buffer.from(workbook) },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(rels) },
  ];
  sheets.forEach((sh, i) => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      sh.rows.join("") +
      "</sheetData>" +
      (sh.after ?? "") +
      "</worksheet>";
    const data = sh.pad ? Buffer.concat([Buffer.from(xml), Buffer.alloc(sh.pad, 0x20)]) : Buffer.from(xml);
    files.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data, deflate: sh.deflate, declare: sh.declare });
  });
  if (shared) {
    const sst =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">` +
      shared.map((t) => `<si><t>${xmlText(t)}</t></si>`).join("") +
      "</sst>";
    files.push({ name: "xl/sharedStrings.xml", data: Buffer.from(sst) });
  }
  return zipOf(files);
}

/**
 * Hostile and malformed files (issue 20, points 2 and 3): each is refused with exit 2 and a
 * message naming the limit (or the broken cell) before anything is built from it, by both
 * readers alike; or, for numbers that are no numbers, read as the text written.
 */
export function hostileFiles(): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const mergeOf = (refs: string[]) => `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`;
  // One merge of whole columns J:Z (17.8 million cells: 4.3 GB and 35 s in exceljs).
  out.set("hostile-merge-whole-columns.xlsx", rawXlsx([{ name: "10月", rows: monthlyHead(), after: mergeOf(["J1:Z1048576"]) }]));
  // One merge from row 10 to the sheet's end, all 16 384 columns.
  out.set("hostile-merge-to-end.xlsx", rawXlsx([{ name: "10月", rows: monthlyHead(), after: mergeOf(["A10:XFD1048576"]) }]));
  // 20 000 disjoint merges (quadratic in exceljs: half a minute).
  out.set(
    "hostile-many-merges.xlsx",
    rawXlsx([{ name: "10月", rows: monthlyHead(), after: mergeOf(Array.from({ length: 20000 }, (_, i) => `G${i + 3}:H${i + 3}`)), deflate: true }]),
  );
  // A row numbered one billion.
  out.set("hostile-row-1e9.xlsx", rawXlsx([{ name: "10月", rows: [...monthlyHead(), inlineRow(1000000000, [numCell("C1000000000", "1")])] }]));
  // A cell past column XFD.
  out.set("hostile-column-past-xfd.xlsx", rawXlsx([{ name: "10月", rows: [...monthlyHead(), inlineRow(3, [numCell("XFE3", "1")])] }]));
  // A sheet declaring 2 KB that inflates to 64 MB of spaces (the declared size is a lie).
  out.set("hostile-zip-bomb.xlsx", rawXlsx([{ name: "10月", rows: monthlyHead(), deflate: true, pad: 64 * 1024 * 1024, declare: 2048 }]));
  // A sheet that honestly declares 4.2 GB (the central directory alone refuses it).
  out.set("hostile-declared-4gb.xlsx", rawXlsx([{ name: "10月", rows: monthlyHead(), deflate: true, declare: 0xfa000000 }]));
  // A shared-string index past the shared strings (exit 2 in memory, blanks when streamed, before).
  out.set(
    "shared-string-out-of-range.xlsx",
    rawXlsx([{ name: "10月", rows: [...monthlyHead(), inlineRow(3, ['<c r="A3" t="s"><v>0</v></c>', '<c r="B3" t="s"><v>7</v></c>'])] }], ["安徽乙建材有限公司"]),
  );
  // Two sheets of the same name (Excel refuses; the streamed reader kept one, silently).
  out.set("duplicate-sheet-names.xlsx", rawXlsx([{ name: "10月", rows: monthlyHead() }, { name: "10月", rows: monthlyHead() }]));
  // Number cells whose text is no number: "1,5" was read as 1, "0x10" as 0 (a prefix parse).
  out.set(
    "number-cells-not-numbers.xlsx",
    rawXlsx([{ name: "10月", rows: [...monthlyHead(), inlineRow(3, [strCell("A3", "安徽乙建材有限公司"), strCell("B3", C(2)), numCell("C3", "1,5"), numCell("D3", "0x10"), numCell("E3", "900")])] }]),
  );
  return out;
}

// ------------------------------------------------------------------ the corpus

const C = (n: number) => uscc(n);

/** Workbook fixtures: file name → builder. */
export const WORKBOOKS: Record<string, (wb: ExcelJS.Workbook) => void> = {
  /** Numbers typed as text: thousands separators, spaces, brackets, exponents — and malformed ones. */
  "text-numbers.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      MONTHLY_HEADER,
      ["安徽甲机械有限公司", C(1), "1,234.5", "12,345", "1,234,567.89"],
      ["安徽乙建材有限公司", C(2), "1 234", " 2,000 ", "(1,234)"],
      ["安徽丙电子有限公司", C(3), "1,23,4", "12 34", "1.5e3"],
      ["安徽丁纺织有限公司", C(4), "+300", "1,2345", ".5"],
    ]);
  },

  /** Full-width digits and punctuation (Chinese input method), in the header and in cells. */
  "full-width.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      ["企业名称", "统一社会信用代码", "本月工业总产值（万元）", "１－本月工业总产值（万元）", "上年同期１－本月工业总产值（万元）", "说明"],
      ["安徽甲机械有限公司", C(1), "１２３４．５", "１，２３４", "－５"],
      ["安徽乙建材有限公司", C(2), "\u3000８８\u3000", "１２。５", "１２３４５６７８９０"],
      ["安徽丙电子有限公司", C(3), "（３００）", "１２ａ", "１，２３"],
    ]);
  },

  /** Units typed into the cell: never silently converted; the message proposes the number in 万元. */
  "units-in-cells.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      MONTHLY_HEADER,
      ["安徽甲机械有限公司", C(1), "120万元", "3.5亿", "800千元"],
      ["安徽乙建材有限公司", C(2), "5000元", "1.2千万", "50 万元"],
      ["安徽丙电子有限公司", C(3), "12亿元整", 900, 1000],
    ]);
  },

  /** Percentages as text: read where a rate belongs (目标 sheet), refused in an amount column. */
  "percent-text.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      MONTHLY_HEADER,
      ["安徽甲机械有限公司", C(1), 100, "5.9%", 1000],
      ["安徽乙建材有限公司", C(2), "５．９％", 2000, 1900],
    ]);
    const t = wb.addWorksheet("目标");
    addRows(t, [
      ["指标", "类型", "年度目标", "单位", "1-本月完成"],
      ["工业增加值增速", "增速", "8%", "%", "5.9%"],
      ["规上工业总产值", "总量", 145, "亿元", "104.5"],
      ["工业投资", "总量", 49, "亿元", 39.16],
      ["技改投资", "增速", "８％", "%", 16.8],
      ["净增规上企业数", "总量", 18, "户", "百分之八十"],
    ]);
  },

  /** Excel error values in input cells: constants and formula results. */
  "excel-errors.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      MONTHLY_HEADER,
      ["安徽甲机械有限公司", C(1), { error: "#N/A" } as Cell, { formula: "1/0", result: { error: "#DIV/0!" } } as Cell, { error: "#VALUE!" } as Cell],
      ["安徽乙建材有限公司", { error: "#N/A" } as Cell, { error: "#REF!" } as Cell, 500, { formula: "SUMX(D3)", result: { error: "#NAME?" } } as Cell],
      ["安徽丙电子有限公司", C(3), { formula: "D4/10", result: 50 } as Cell, 500, 400],
    ]);
  },

  /** Blank and whitespace-only cells, a whitespace-only row and an empty row inside the data. */
  "blanks.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      MONTHLY_HEADER,
      ["安徽甲机械有限公司", C(1), null, "   ", "\u3000"],
      ["   ", "\t", " ", "\u3000", "\n"],
      [null, null, null, null, null],
      ["安徽乙建材有限公司", C(2), 100, 1000, 900],
      ["  ", C(3), "\u3000\u3000", 800, 700],
    ]);
  },

  /** Dates as text in every usual way, as serials and as date cells, and some that are no date. */
  "dates.xlsx": (wb) => {
    const ws = wb.addWorksheet("培育库");
    addRows(ws, [
      ["企业名称", "统一社会信用代码", "培育层级", "包保领导", "入库日期", "状态", "1-本月营业收入", "月份"],
      ["安徽甲机械有限公司", C(1), "拟进规", "张三", "2023-01-05", "培育中", 1500, "10月"],
      ["安徽乙建材有限公司", C(2), "拟进规", "张三", "2023/1/5", "培育中", 1600, "10月"],
      ["安徽丙电子有限公司", C(3), "拟进规", "李四", "2023年1月5日", "培育中", 1700, "10月"],
      ["安徽丁纺织有限公司", C(4), "拟进规", "李四", "20230105", "培育中", 1800, "10月"],
      ["安徽戊食品有限公司", C(5), "拟进规", "王五", 44931, "培育中", 1900, "10月"],
      ["安徽己材料有限公司", C(6), "拟进规", "王五", new Date(Date.UTC(2023, 0, 5)), "培育中", 1400, "10月"],
      ["安徽庚电器有限公司", C(7), "拟进规", "赵六", "２０２３－０１－０５", "培育中", 1300, "10月"],
      ["安徽辛化工有限公司", C(8), "拟进规", "赵六", "2023-02-30", "培育中", 1200, "10月"],
      ["安徽壬家居有限公司", C(9), "拟进规", "赵六", "明年一月", "培育中", 1100, "10月"],
      ["安徽癸包装有限公司", C(10), "拟进规", "赵六", 0, "培育中", 1000, "10月"],
    ]);
    ws.getCell("E6").numFmt = "yyyy-mm-dd";
    ws.getCell("E7").numFmt = "yyyy-mm-dd";
  },

  /** A two-row header under merged cells, with the unit (千元) in the merged parent. */
  "merged-header.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      ["企业名称", "统一社会信用代码", "工业总产值（千元）", null, null, "说明"],
      [null, null, "本月", "1-本月", "上年同期1-本月", null],
      ["安徽甲机械有限公司", C(1), 12345, "98,765", 100000],
      ["安徽乙建材有限公司", C(2), 8000, 80000, 75000],
    ]);
    for (const m of ["A1:A2", "B1:B2", "C1:E1", "F1:F2"]) ws.mergeCells(m);
  },

  /** A merged title row and a unit row above the header: the header is on row 3. */
  "header-row-3.xlsx": (wb) => {
    const ws = wb.addWorksheet("月报");
    addRows(ws, [
      ["枞阳县规模以上工业企业主要指标月报（2023年10月）"],
      [null, null, null, null, null, "单位：万元"],
      MONTHLY_HEADER,
      ["安徽甲机械有限公司", C(1), 500, 5000, 4500],
      ["安徽乙建材有限公司", C(2), 300, "三千", 2800],
      ["安徽丙电子有限公司", C(3), 200, 2000, 1900],
    ]);
    ws.mergeCells("A1:F1");
  },

  /** The same column twice (exactly, and by a synonym): the first is used, the others noted. */
  "duplicate-headers.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "1-本月工业总产值", "说明", "累计工业总产值"],
      ["安徽甲机械有限公司", C(1), 500, 5000, 9999, null, 8888],
      ["安徽乙建材有限公司", C(2), 300, 3000, 7777, null, 6666],
    ]);
  },

  /** Hidden rows are data (Excel's values include them): read, checked, addressed. */
  "hidden-rows.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      MONTHLY_HEADER,
      ["安徽甲机械有限公司", C(1), 500, 5000, 4500],
      ["安徽乙建材有限公司", C(2), 300, 3000, 2800],
      ["安徽丙电子有限公司", C(3), 200, "2千", 1900],
      ["安徽丁纺织有限公司", C(4), 100, 1000, 900],
    ]);
    ws.getRow(3).hidden = true;
    ws.getRow(4).hidden = true;
  },

  /** A 合计 row: kept apart from the firms, and checked — its D is a SUM that skipped a text number. */
  "total-row.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      MONTHLY_HEADER,
      ["安徽甲机械有限公司", C(1), 10, 100, 90],
      ["安徽乙建材有限公司", C(2), 20, "1,000", 950],
      ["安徽丙电子有限公司", C(3), 30, 300, 280],
      ["合 计", null, { formula: "SUM(C2:C4)", result: 60 } as Cell, { formula: "SUM(D2:D4)", result: 400 } as Cell, { formula: "SUM(E2:E4)", result: 1320 } as Cell],
    ]);
  },

  /** Credit codes stored as numbers (Excel keeps 15 digits) and in scientific notation. */
  "uscc-as-number.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      MONTHLY_HEADER,
      // eslint-disable-next-line no-loss-of-precision -- on purpose: a credit code typed as a number loses its last digits
      ["安徽甲机械有限公司", 913407221234567890, 500, 5000, 4500],
      ["安徽乙建材有限公司", "9.13407E+17", 300, 3000, 2800],
      ["安徽丙电子有限公司", C(3), 200, 2000, 1900],
    ]);
  },

  /** A workbook whose only sheet is empty. */
  "empty-sheet.xlsx": (wb) => {
    wb.addWorksheet("Sheet1");
  },

  /** Data without a header the tool knows (English headings). */
  "no-header.xlsx": (wb) => {
    const ws = wb.addWorksheet("Sheet1");
    addRows(ws, [
      ["Name", "Code", "Output"],
      ["Firm A", "X1", 100],
    ]);
  },

  /**
   * The way staff have the 一套表: a title row, a two-row header with the unit (千元) in the merged
   * parent, a 合计 row, then the signature footer and a 注： line — the table ends at the footer.
   */
  "signature-footer.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      ["2023年1-10月规模以上工业企业主要指标"],
      ["企业名称", "统一社会信用代码", "工业总产值（千元）", null, null, "说明"],
      [null, null, "本月", "1-本月", "上年同期", null],
      ["安徽甲机械有限公司", C(1), 120000, 1150000, 1000000, null],
      ["安徽乙建材有限公司", C(2), 80000, 790000, 760000, null],
      ["安徽丙电子有限公司", C(3), 50000, 480000, 450000, null],
      ["合计", null, 250000, 2420000, 2210000, null],
      [],
      ["单位负责人：张三", "统计负责人：李四", "填表人：王五", "报出日期：2023年11月5日"],
      ["注：本表不含规下企业。"],
    ]);
    ws.mergeCells("A1:F1");
    ws.mergeCells("C2:E2");
  },

  /** Headers in 百万元, 千万元 and 亿元 (each converted to 万元 by the one unit table). */
  "units-million.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      ["企业名称", "统一社会信用代码", "本月工业总产值（百万元）", "1-本月工业总产值（千万元）", "上年同期1-本月工业总产值（亿元）"],
      ["安徽甲机械有限公司", C(1), 5, 0.5, 0.045],
      ["安徽乙建材有限公司", C(2), 3, 0.3, 0.028],
    ]);
  },

  /** A required column in a unit the unit table does not know (万美元): unusable, never read as 万元. */
  "unknown-unit.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值（万美元）", "上年同期1-本月工业总产值"],
      ["安徽甲机械有限公司", C(1), 500, 700, 4500],
    ]);
  },

  /** The report on the third sheet, under a title 2023年1-10月… (no 月份 column, sheet not named 10月). */
  "report-third-sheet.xlsx": (wb) => {
    addRows(wb.addWorksheet("封面"), [["枞阳县规模以上工业企业月报"], ["填报单位：县经信局"]]);
    addRows(wb.addWorksheet("目标"), [
      ["指标", "类型", "年度目标", "单位", "1-本月完成"],
      ["规上工业总产值", "总量", 1.2, "亿元", null],
    ]);
    addRows(wb.addWorksheet("报表"), [
      ["2023年1-10月规模以上工业企业主要指标（单位：万元）"],
      ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值"],
      ["安徽甲机械有限公司", C(1), 500, 5000, 4500],
      ["安徽乙建材有限公司", C(2), 300, 3000, 2800],
    ]);
  },

  /** A workbook whose only table is a monthly report: not a pool. */
  "monthly-not-pool.xlsx": (wb) => {
    addRows(wb.addWorksheet("10月"), [
      ["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值", "上年同期1-本月工业总产值", "1-本月营业收入"],
      ["安徽甲机械有限公司", C(1), 500, 5000, 4500, 5100],
    ]);
  },

  /** 入库日期 typed to the month only (2023年3月, 2023.3, 2023-03, and 2023.3 that Excel stored as a number). */
  "month-dates.xlsx": (wb) => {
    addRows(wb.addWorksheet("培育库"), [
      ["企业名称", "统一社会信用代码", "培育层级", "包保领导", "入库日期", "状态", "1-本月营业收入", "月份"],
      ["安徽甲机械有限公司", C(1), "拟进规", "张三", "2023年3月", "培育中", 1500, "10月"],
      ["安徽乙建材有限公司", C(2), "拟进规", "张三", "2023.3", "培育中", 1600, "10月"],
      ["安徽丙电子有限公司", C(3), "拟进规", "李四", "2023-03", "培育中", 1700, "10月"],
      ["安徽丁纺织有限公司", C(4), "拟进规", "李四", 2023.3, "培育中", 1800, "10月"],
      ["安徽戊食品有限公司", C(5), "拟进规", "王五", "2023-03-15", "培育中", 1900, "10月"],
    ]);
  },

  /** A monthly report without its required 统一社会信用代码 column. */
  "missing-required.xlsx": (wb) => {
    const ws = wb.addWorksheet("10月");
    addRows(ws, [
      ["企业名称", "本月工业总产值", "1-本月工业总产值"],
      ["安徽甲机械有限公司", 500, 5000],
    ]);
  },
};

const CSV_MONTHLY = [
  MONTHLY_HEADER.join(","),
  `安徽甲机械有限公司,${C(1)},"1,234.5",１２３４５,12000,`,
  `安徽乙建材有限公司,${C(2)},120万元,5.9%,3000,`,
  `安徽丙电子有限公司,${C(3)}, ,2000,1900,说明：新投产`,
].join("\r\n");

/** Every committed fixture: file name → bytes. */
export async function buildAll(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const [name, build] of Object.entries(WORKBOOKS)) {
    const wb = newBook();
    build(wb);
    files.set(name, await xlsxBytes(wb));
  }
  const good = files.get("text-numbers.xlsx")!;
  files.set("corrupt.xlsx", good.subarray(0, Math.floor(good.length / 2)));
  files.set("password-protected.xlsx", encryptedXlsx());
  files.set("legacy.xls", legacyXls());
  files.set(
    "web-page-saved-as.xls",
    Buffer.from('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>企业名称</td><td>本月工业总产值</td></tr></table></body></html>\r\n', "utf8"),
  );
  files.set("zero-bytes.xlsx", Buffer.alloc(0));
  files.set("zip-without-workbook.xlsx", zipOf([{ name: "readme.txt", data: Buffer.from("not a workbook\n") }]));
  files.set("monthly-utf8-bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV_MONTHLY + "\r\n", "utf8")]));
  files.set("monthly-gbk.csv", encodeGbk(CSV_MONTHLY + "\r\n"));
  files.set("unclosed-quote.csv", Buffer.from(`${MONTHLY_HEADER.join(",")}\r\n"安徽甲机械有限公司,${C(1)},500,5000,4500,\r\n`, "utf8"));
  files.set("binary.csv", noise(2048, 7));
  files.set("zero-bytes.csv", Buffer.alloc(0));
  for (const [name, bytes] of hostileFiles()) files.set(name, bytes);
  // Numbers beyond sense (1.7e308: sums became Infinity) and a firm name with terminal escape sequences.
  const huge = newBook();
  addRows(huge.addWorksheet("10月"), [MONTHLY_HEADER, ["安徽甲机械有限公司", C(1), 1.7e308, 5000, 4500], ["安徽乙建材有限公司", C(2), 300, "2e15", 2800]]);
  files.set("numbers-beyond-sense.xlsx", await xlsxBytes(huge));
  files.set(
    "escape-sequences.csv",
    Buffer.from(`${MONTHLY_HEADER.join(",")}\r\n"\u001b[2J\u001b[H安徽甲机械有限公司\u001b[31m",${C(1)},"\u001b[2J\u001b[1;1H500",5000,4500,\r\n`, "utf8"),
  );
  return files;
}

/**
 * The 1 048 576-row sheet (Excel's maximum: a header and 1 048 575 firms), streamed to `file`
 * with exceljs's WorkbookWriter (never held in memory). Row r (2…) is firm r−1 with valid code;
 * output 本月 = r mod 97, 1-本月 = 10 × that. Two planted problems: D777777 = "12 34" (not a number)
 * and C1048576 = "120万元" (a unit in the cell).
 */
export async function writeMillionRows(file: string, rows = 1048576): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet("10月");
  ws.addRow(["企业名称", "统一社会信用代码", "本月工业总产值", "1-本月工业总产值"]).commit();
  for (let r = 2; r <= rows; r++) {
    const m = r % 97;
    const month: Cell = r === rows ? "120万元" : m;
    const ytd: Cell = r === 777777 ? "12 34" : m * 10;
    ws.addRow([`企业${r - 1}`, uscc(r), month, ytd]).commit();
  }
  await ws.commit();
  await wb.commit();
}

export async function main(args: string[] = []): Promise<void> {
  const out = path.resolve(args[0] ?? path.join(__dirname, "..", "test", "fixtures", "bad-input"));
  fs.mkdirSync(out, { recursive: true });
  const files = await buildAll();
  for (const [name, bytes] of files) fs.writeFileSync(path.join(out, name), bytes);
  console.log(`wrote ${files.size} files to ${path.relative(process.cwd(), out) || out}`);
}
