/**
 * The zip layer of the .xlsx reader (Node only): the central directory as the file declares it,
 * and each entry inflated in chunks while its bytes are counted, so that a "zip bomb" (a few KB
 * declaring, or secretly holding, gigabytes) is refused before anything is built from it.
 */
import * as zlib from "zlib";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** What the central directory declares. */
  size: number;
  localOffset: number;
  encrypted: boolean;
}

/** A file that is not a readable zip (truncated, inconsistent): reported as a corrupt workbook. */
export class CorruptFileError extends Error {}

/** A file beyond a limit of the reader (size, rows, columns, merges …): the message names the limit. */
export class LimitError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function bad(what: string): never {
  throw new CorruptFileError(`zip 结构损坏：${what} (broken zip structure: ${what})`);
}

function u64(buf: Buffer, at: number): number {
  return buf.readUInt32LE(at) + buf.readUInt32LE(at + 4) * 0x100000000;
}

/** The entries the central directory lists. Throws CorruptFileError on a broken directory. */
export function centralDirectory(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) bad("找不到中央目录 (no end of central directory)");
  let count = buf.readUInt16LE(eocd + 10);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const z = u64(buf, eocd - 12);
    if (z + 56 > buf.length || buf.readUInt32LE(z) !== ZIP64_EOCD) bad("zip64 目录损坏 (bad zip64 record)");
    count = u64(buf, z + 32);
    cdOffset = u64(buf, z + 48);
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) bad("中央目录条目损坏 (bad central directory entry)");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    // zip64 extended information: the 0xFFFFFFFF fields, in order.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(buf, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(buf, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(buf, q);
      }
      e += 4 + len;
    }
    entries.push({ name, method, compressedSize, size, localOffset, encrypted: (flags & 1) === 1 });
    p = end + commentLen;
  }
  return entries;
}

/**
 * Inflate one entry chunk by chunk, handing each chunk to `onChunk`. Refuses an entry that
 * inflates to more than it declares or more than `cap` bytes, before producing the excess.
 */
export async function inflateEntry(buf: Buffer, entry: ZipEntry, cap: number, onChunk: (chunk: Buffer) => void): Promise<void> {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) bad(`条目 ${entry.name} 的本地头损坏 (bad local header)`);
  if (entry.encrypted) bad(`条目 ${entry.name} 已加密 (encrypted entry)`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + entry.compressedSize > buf.length) bad(`条目 ${entry.name} 被截断 (truncated entry)`);
  const data = buf.subarray(start, start + entry.compressedSize);
  const limit = Math.min(entry.size, cap);
  let total = 0;
  const count = (chunk: Buffer) => {
    total += chunk.length;
    if (total > entry.size) {
      throw new LimitError(
        `“${entry.name}”解压后超过其声明的 ${entry.size} 字节（疑似压缩炸弹）(the part inflates to more than the ${entry.size} bytes it declares: a zip bomb)`,
      );
    }
    if (total > cap) throw sizeLimit(entry.name, cap);
    onChunk(chunk);
  };
  if (entry.method === 0) {
    if (data.length > limit) count(data); // throws
    for (let i = 0; i < data.length; i += 1 << 20) count(data.subarray(i, Math.min(data.length, i + (1 << 20))));
  } else if (entry.method === 8) {
    const inflate = zlib.createInflateRaw({ chunkSize: 1 << 20 });
    inflate.end(data);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) count(chunk);
    } catch (e) {
      inflate.destroy();
      if (e instanceof LimitError) throw e;
      bad(`条目 ${entry.name} 无法解压 (cannot inflate: ${e instanceof Error ? e.message : String(e)})`);
    }
  } else {
    bad(`条目 ${entry.name} 的压缩方式 ${entry.method} 不受支持 (unsupported compression method)`);
  }
  if (total < entry.size) bad(`条目 ${entry.name} 解压后短于声明的大小 (shorter than declared)`);
}

export function sizeLimit(name: string, cap: number): LimitError {
  const mb = Math.round(cap / (1024 * 1024));
  return new LimitError(`“${name}”解压后超过 ${mb} MB 的上限 (the part inflates to more than the ${mb} MB limit)`);
}
