/**
 * A small streaming XML tokenizer for the parts of an .xlsx (worksheets, shared strings, the
 * workbook and its relationships): tags and text, fed in chunks, no tree built. Faster than a
 * general SAX parser because it does only what SpreadsheetML needs: element names (namespace
 * prefix dropped), attributes, text with the five entities and character references, CDATA,
 * comments and processing instructions skipped. No DTDs (an .xlsx has none).
 */
import { LimitError } from "./zip";

export interface XmlHandler {
  /** An element opens; its attributes are the text `src.slice(from, to)` (read them with attr()). */
  open(name: string, src: string, from: number, to: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Called for text only while `wantText` is true. */
  text(text: string): void;
  wantText: boolean;
}

/** The longest tag or text run kept while waiting for the next chunk (guards a hostile part). */
export const MAX_TOKEN_CHARS = 8 * 1024 * 1024;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== "#") return ENTITIES[e];
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

function localName(name: string): string {
  const i = name.indexOf(":");
  if (i < 0) return name;
  return i < 0 ? name : name.slice(i + 1);
}

/** Attributes of a tag ("r=\"A1\" t=\"s\"") by name, values decoded; prefixed names are kept as written. */
export function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? "");
  return out;
}

/** The value of one attribute in `s.slice(start, end)`, or undefined (cheaper than parseAttrs for hot tags). */
export function attr(s: string, name: string, start = 0, end = s.length): string | undefined {
  let from = start;
  for (;;) {
    const i = s.indexOf(name, from);
    if (i < 0 || i >= end) return undefined;
    const before = i === start ? 32 : s.charCodeAt(i - 1);
    let j = i + name.length;
    while (s.charCodeAt(j) === 32) j++;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && s.charCodeAt(j) === 61) {
      j++;
      while (s.charCodeAt(j) === 32) j++;
      const q = s[j];
      if (q === '"' || q === "'") {
        const close = s.indexOf(q, j + 1);
        if (close > 0 && close < end) return decodeEntities(s.slice(j + 1, close));
      }
    }
    from = i + name.length;
  }
}

/** A tokenizer over `handler`: push() decoded text chunks, then end(). */
export function xmlScanner(handler: XmlHandler): { push(chunk: string): void; end(): void } {
  let carry = "";
  const push = (chunk: string) => {
    const s = carry.length ? carry + chunk : chunk;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf("<", pos);
      if (lt < 0) break;
      if (lt > pos && handler.wantText) handler.text(decodeEntities(s.slice(pos, lt)));
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 33 /* ! */) {
        if (s.startsWith("<!--", lt)) {
          const e = s.indexOf("-->", lt + 4);
          if (e < 0) {
            pos = lt;
            break;
          }
          pos = e + 3;
          continue;
        }
        if (s.startsWith("<![CDATA[", lt)) {
          const e = s.indexOf("]]>", lt + 9);
          if (e < 0) {
            pos = lt;
            break;
          }
          if (handler.wantText) handler.text(s.slice(lt + 9, e));
          pos = e + 3;
          continue;
        }
      }
      // The tag ends at the first ">" outside a double-quoted attribute value.
      let gt = s.indexOf(">", lt + 1);
      for (let i = lt + 1; gt >= 0 && i < gt; i++) {
        if (s.charCodeAt(i) !== 34) continue;
        const close = s.indexOf('"', i + 1);
        if (close < 0) gt = -1;
        else {
          if (close > gt) gt = s.indexOf(">", close + 1);
          i = close;
        }
      }
      if (gt < 0) {
        pos = lt;
        break;
      }
      if (c1 === 63 /* ? */ || c1 === 33) {
        pos = gt + 1;
        continue;
      }
      if (c1 === 47 /* / */) {
        handler.close(localName(s.slice(lt + 2, gt).trim()));
      } else {
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        const to = selfClosing ? gt - 1 : gt;
        let k = lt + 1;
        while (k < to) {
          const ch = s.charCodeAt(k);
          if (ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
          k++;
        }
        const name = localName(s.slice(lt + 1, k));
        handler.open(name, s, k, to, selfClosing);
        if (selfClosing) handler.close(name);
      }
      pos = gt + 1;
    }
    carry = pos === 0 ? s : s.slice(pos);
    if (carry.length > MAX_TOKEN_CHARS) {
      throw new LimitError(`XML 中有超过 ${MAX_TOKEN_CHARS / (1024 * 1024)} MB 的单个标记或文本 (a single XML tag or text run longer than ${MAX_TOKEN_CHARS / (1024 * 1024)} MB)`);
    }
  };
  return {
    push,
    end() {
      if (carry.trim() !== "" && carry.indexOf("<") >= 0) push(""); // a last complete tag
      carry = "";
    },
  };
}
