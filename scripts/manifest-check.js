/**
 * Offline structural check of an Office add-in XML manifest (what `npm run validate` runs).
 * `office-addin-manifest validate` posts the manifest to an online service; this check needs
 * no network and covers what has bitten this project: unresolved resids, non-https URLs, a
 * three-part Version, the shared-runtime wiring, the JX namespace, and the zh-cn metadata
 * override that must be `bt:Override` (a bare `Override` is silently ignored by Office).
 *
 *   const { checkManifest } = require("./manifest-check");
 *   const { ok, errors } = checkManifest(xmlText);
 *
 * Plain Node, no dependencies: a tiny namespace-aware XML parser is included.
 */
"use strict";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

// ---------------------------------------------------------------------------------------------
// Tiny XML parser: elements, attributes, text, comments, CDATA, PIs, DOCTYPE skipped.
// Element: { name, prefix, local, ns, attrs: {qname: value}, children: Element[], text, line, parent }

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e) => {
    const k = e.toLowerCase();
    if (k === "amp") return "&";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    if (k.startsWith("#x")) return String.fromCodePoint(parseInt(k.slice(2), 16));
    return String.fromCodePoint(parseInt(k.slice(1), 10));
  });
}

class XmlError extends Error {}

function parseXml(src) {
  let i = 0;
  const lineAt = (pos) => src.slice(0, pos).split("\n").length;
  const fail = (msg, pos = i) => {
    throw new XmlError(`XML line ${lineAt(pos)}: ${msg}`);
  };
  const root = { name: "#document", children: [], attrs: {}, text: "", nsMap: { xml: "http://www.w3.org/XML/1998/namespace" } };
  const stack = [root];
  const ATTR = /\s*([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/y;

  while (i < src.length) {
    const lt = src.indexOf("<", i);
    if (lt === -1) {
      if (src.slice(i).trim() !== "" && stack.length > 1) stack[stack.length - 1].text += decodeEntities(src.slice(i));
      break;
    }
    if (lt > i) {
      const t = src.slice(i, lt);
      if (stack.length > 1) stack[stack.length - 1].text += decodeEntities(t);
      else if (t.trim() !== "") fail("text outside the root element", i);
    }
    i = lt;
    if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i + 4);
      if (end === -1) fail("unterminated comment");
      // XML 1.0 §2.5: "--" must not occur inside a comment (Office's parser rejects it).
      const dd = src.indexOf("--", i + 4);
      if (dd < end) fail("a comment must not contain '--' (XML 1.0 §2.5)", dd);
      i = end + 3;
    } else if (src.startsWith("<![CDATA[", i)) {
      const end = src.indexOf("]]>", i);
      if (end === -1) fail("unterminated CDATA");
      stack[stack.length - 1].text += src.slice(i + 9, end);
      i = end + 3;
    } else if (src.startsWith("<?", i)) {
      const end = src.indexOf("?>", i);
      if (end === -1) fail("unterminated processing instruction");
      i = end + 2;
    } else if (src.startsWith("<!", i)) {
      const end = src.indexOf(">", i);
      if (end === -1) fail("unterminated declaration");
      i = end + 1;
    } else if (src.startsWith("</", i)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(src.slice(i, i + 300));
      if (!m) fail("malformed end tag");
      const open = stack.pop();
      if (!open || open === root || open.name !== m[1]) fail(`end tag </${m[1]}> does not match <${open && open.name}>`);
      i += m[0].length;
    } else {
      const start = i;
      const nm = /^<([A-Za-z_][\w.:-]*)/.exec(src.slice(i, i + 300));
      if (!nm) fail("malformed start tag");
      i += nm[0].length;
      const attrs = {};
      for (;;) {
        ATTR.lastIndex = i;
        const a = ATTR.exec(src);
        if (!a) break;
        if (Object.prototype.hasOwnProperty.call(attrs, a[1])) fail(`duplicate attribute ${a[1]}`);
        attrs[a[1]] = decodeEntities(a[3] !== undefined ? a[3] : a[4]);
        i = ATTR.lastIndex;
      }
      const close = /^\s*(\/?)>/.exec(src.slice(i, i + 50));
      if (!close) fail(`malformed start tag <${nm[1]}>`);
      i += close[0].length;
      const parent = stack[stack.length - 1];
      if (parent === root && root.children.length > 0) fail("more than one root element", start);
      const nsMap = Object.assign({}, parent.nsMap);
      for (const [k, v] of Object.entries(attrs)) {
        if (k === "xmlns") nsMap[""] = v;
        else if (k.startsWith("xmlns:")) nsMap[k.slice(6)] = v;
      }
      const colon = nm[1].indexOf(":");
      const prefix = colon === -1 ? "" : nm[1].slice(0, colon);
      const local = colon === -1 ? nm[1] : nm[1].slice(colon + 1);
      if (prefix && !(prefix in nsMap)) fail(`undeclared namespace prefix ${prefix}:`, start);
      const el = { name: nm[1], prefix, local, ns: nsMap[prefix] || "", attrs, children: [], text: "", nsMap, parent, line: lineAt(start) };
      parent.children.push(el);
      if (!close[1]) stack.push(el);
    }
  }
  if (stack.length > 1) fail(`<${stack[stack.length - 1].name}> is never closed`, src.length);
  if (root.children.length !== 1) fail("no root element", 0);
  return root.children[0];
}

// ---------------------------------------------------------------------------------------------
// Helpers

function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}
const kids = (el, local, ns) => (el ? el.children.filter((c) => c.local === local && (!ns || c.ns === ns)) : []);
const kid = (el, local, ns) => kids(el, local, ns)[0];
const find = (el, pred) => {
  for (const e of walk(el)) if (pred(e)) return e;
  return undefined;
};
/** xsi:type's value without its prefix ("VersionOverridesV1_0"). */
function xsiType(el) {
  for (const [k, v] of Object.entries(el.attrs)) {
    const c = k.indexOf(":");
    if (c !== -1 && k.slice(c + 1) === "type" && el.nsMap[k.slice(0, c)] === NS.xsi) return v.replace(/^.*:/, "");
  }
  return undefined;
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FOUR_PART = /^\d+\.\d+\.\d+\.\d+$/;
/** Elements whose DefaultValue/Value attributes are URLs. */
const URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Url", "Image"]);

/**
 * Check a manifest's text. Returns { ok, errors, warnings, info } where info holds what was
 * found (id, version, urls, resources) for further assertions.
 * options.baseUrl: when given, every add-in URL (pages, scripts, metadata, icons) must start with it.
 */
function checkManifest(xml, options = {}) {
  const errors = [];
  const warnings = [];
  const info = { urls: [], resources: {} };
  const err = (m, el) => errors.push(el && el.line ? `line ${el.line}: ${m}` : m);

  let doc;
  try {
    doc = parseXml(String(xml));
  } catch (e) {
    return { ok: false, errors: [e.message], warnings, info };
  }

  if (doc.local !== "OfficeApp" || doc.ns !== NS.app) err(`root element must be OfficeApp in ${NS.app}`, doc);
  if (xsiType(doc) !== "TaskPaneApp") err(`OfficeApp xsi:type must be TaskPaneApp (found ${xsiType(doc)})`, doc);

  const text = (local) => {
    const e = kid(doc, local, NS.app);
    return e ? e.text.trim() : undefined;
  };
  info.id = text("Id");
  info.version = text("Version");
  if (!info.id || !GUID.test(info.id)) err(`<Id> must be a GUID (found ${JSON.stringify(info.id)})`);
  if (!info.version || !FOUR_PART.test(info.version)) err(`<Version> must have four parts like 1.0.0.0 (found ${JSON.stringify(info.version)})`);
  for (const req of ["ProviderName", "DefaultLocale"]) if (!text(req)) err(`<${req}> is missing`);
  const perms = text("Permissions");
  if (perms !== "ReadWriteDocument") err(`<Permissions> must be ReadWriteDocument (found ${JSON.stringify(perms)})`);

  for (const local of ["DisplayName", "Description"]) {
    const e = kid(doc, local, NS.app);
    if (!e || !e.attrs.DefaultValue) {
      err(`<${local} DefaultValue="…"> is missing`);
      continue;
    }
    const zh = kids(e, "Override").find((o) => (o.attrs.Locale || "").toLowerCase() === "zh-cn");
    if (!zh) err(`<${local}> needs <Override Locale="zh-CN" Value="…"/>`, e);
    else if (zh.ns !== NS.app) err(`<${local}>'s Override must be in the manifest's default namespace (found ${zh.name})`, zh);
    else if (!zh.attrs.Value) err(`<${local}>'s zh-CN Override has no Value`, zh);
  }

  const hosts = kid(doc, "Hosts", NS.app);
  if (!kids(hosts, "Host", NS.app).some((h) => h.attrs.Name === "Workbook")) err('<Hosts> must contain <Host Name="Workbook"/>');

  const sets = kid(kid(doc, "Requirements", NS.app), "Sets", NS.app);
  const shared = kids(sets, "Set", NS.app).find((s) => s.attrs.Name === "SharedRuntime");
  if (!shared) err('<Requirements><Sets> must contain <Set Name="SharedRuntime" MinVersion="1.1"/>');
  else if (shared.attrs.MinVersion !== "1.1") err(`SharedRuntime MinVersion must be 1.1 (found ${shared.attrs.MinVersion})`, shared);

  // Resources: id → { kind, value, el }.
  const vo = kid(doc, "VersionOverrides");
  if (!vo || vo.ns !== NS.ov) err(`<VersionOverrides> in ${NS.ov} is missing`);
  else if (xsiType(vo) !== "VersionOverridesV1_0") err(`VersionOverrides xsi:type must be VersionOverridesV1_0 (found ${xsiType(vo)})`, vo);
  const resources = kid(vo, "Resources");
  const res = info.resources;
  const GROUPS = { Images: "Image", Urls: "Url", ShortStrings: "ShortString", LongStrings: "LongString" };
  for (const group of resources ? resources.children : []) {
    const kind = GROUPS[group.local];
    if (group.ns !== NS.bt || !kind) {
      err(`unexpected <${group.name}> in <Resources> (expected bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings)`, group);
      continue;
    }
    for (const item of group.children) {
      const id = item.attrs.id;
      if (item.ns !== NS.bt || !id) {
        err(`<${item.name}> in <${group.name}> must be a bt: element with an id`, item);
        continue;
      }
      if (res[id]) err(`resource id "${id}" is defined twice`, item);
      if (!("DefaultValue" in item.attrs)) err(`resource "${id}" has no DefaultValue`, item);
      res[id] = { kind, value: item.attrs.DefaultValue, el: item, overrides: {} };
      if (kind === "ShortString" && (item.attrs.DefaultValue || "").length > 125) err(`short string "${id}" is longer than 125 characters`, item);
      for (const o of item.children) {
        if (o.local !== "Override") {
          err(`unexpected <${o.name}> inside resource "${id}"`, o);
        } else if (o.ns !== NS.bt) {
          err(`resource "${id}" has a bare <${o.name}>; it must be <bt:Override> or Office silently ignores it`, o);
        } else {
          res[id].overrides[(o.attrs.Locale || "").toLowerCase()] = o.attrs.Value;
          if (!o.attrs.Locale || !o.attrs.Value) err(`<bt:Override> in "${id}" needs Locale and Value`, o);
        }
      }
    }
  }

  // Every resid resolves, and to the right kind of resource.
  const EXPECT = {
    SourceLocation: ["Url"],
    Runtime: ["Url"],
    FunctionFile: ["Url"],
    LearnMoreUrl: ["Url"],
    Namespace: ["ShortString"],
    Label: ["ShortString"],
    Title: ["ShortString"],
    Description: ["LongString", "ShortString"],
    Image: ["Image"],
  };
  for (const e of vo ? walk(vo) : []) {
    if (!("resid" in e.attrs)) continue;
    const id = e.attrs.resid;
    const r = res[id];
    if (!r) err(`resid "${id}" on <${e.name}> does not resolve to a bt:Image, bt:Url or bt:String`, e);
    else if (EXPECT[e.local] && !EXPECT[e.local].includes(r.kind)) err(`resid "${id}" on <${e.name}> is a ${r.kind}, expected ${EXPECT[e.local].join(" or ")}`, e);
    if (id && id.length > 32) err(`resid "${id}" is longer than 32 characters`, e);
  }

  // Every URL is absolute https.
  for (const e of walk(doc)) {
    for (const [k, v] of Object.entries(e.attrs)) {
      if (k === "xmlns" || k.startsWith("xmlns:")) continue;
      const urlish = URL_ELEMENTS.has(e.local) || (e.local === "Override" && e.parent && URL_ELEMENTS.has(e.parent.local));
      const isUrlAttr = (k === "DefaultValue" || k === "Value") && urlish;
      if (isUrlAttr || /^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
        info.urls.push(v);
        if (!/^https:\/\/[^\s/]+/i.test(v)) err(`URL must be absolute https: ${k}="${v}" on <${e.name}>`, e);
      }
    }
    if (e.local === "AppDomain" && !/^https:\/\//i.test(e.text.trim())) err(`AppDomain must be https: ${e.text.trim()}`, e);
  }

  // Shared runtime and custom functions wiring.
  const host = vo && find(vo, (e) => e.local === "Host" && xsiType(e) === "Workbook");
  if (vo && !host) err('VersionOverrides has no <Host xsi:type="Workbook">');
  const runtimes = kids(kid(host, "Runtimes"), "Runtime");
  const runtime = runtimes[0];
  if (!runtime) err("<Runtimes><Runtime resid=… lifetime=\"long\"/></Runtimes> is missing (shared runtime)");
  else if (runtime.attrs.lifetime !== "long") err(`<Runtime> lifetime must be "long" (found ${JSON.stringify(runtime.attrs.lifetime)})`, runtime);
  const cf = host && find(host, (e) => e.local === "ExtensionPoint" && xsiType(e) === "CustomFunctions");
  if (!cf) err('<ExtensionPoint xsi:type="CustomFunctions"> is missing');
  else {
    const loc = (local) => {
      const s = kid(kid(cf, local), "SourceLocation");
      if (!s) err(`CustomFunctions <${local}><SourceLocation resid=…/></${local}> is missing`, cf);
      return s && s.attrs.resid;
    };
    const script = loc("Script");
    const page = loc("Page");
    const meta = loc("Metadata");
    if (runtime && page && runtime.attrs.resid !== page) err(`CustomFunctions <Page> (${page}) must be the shared runtime's page (${runtime.attrs.resid})`, cf);
    if (script && res[script] && !/\.js(\?|$)/.test(res[script].value || "")) warnings.push(`functions script URL does not end in .js: ${res[script].value}`);
    if (meta && res[meta]) {
      const zh = res[meta].overrides["zh-cn"];
      if (!zh) err(`metadata URL "${meta}" needs <bt:Override Locale="zh-cn" Value="…/functions-zh-cn.json"/>`, res[meta].el);
      else if (!/functions-zh-cn\.json(\?|$)/.test(zh)) warnings.push(`zh-cn metadata override does not point at functions-zh-cn.json: ${zh}`);
    }
    const nsEl = kid(cf, "Namespace");
    const nsId = nsEl && nsEl.attrs.resid;
    if (!nsEl) err("CustomFunctions <Namespace resid=…/> is missing", cf);
    else if (res[nsId] && res[nsId].value !== "JX") err(`custom functions namespace must be "JX" (found ${JSON.stringify(res[nsId].value)})`, nsEl);
  }
  if (runtime) {
    for (const a of vo ? walk(vo) : []) {
      if (a.local === "Action" && xsiType(a) === "ShowTaskpane") {
        const s = kid(a, "SourceLocation");
        if (s && s.attrs.resid !== runtime.attrs.resid) err(`ShowTaskpane action must open the shared runtime page (${runtime.attrs.resid}), not ${s.attrs.resid}`, a);
      }
    }
  }
  const def = kid(kid(doc, "DefaultSettings", NS.app), "SourceLocation", NS.app);
  if (!def) err("<DefaultSettings><SourceLocation DefaultValue=…/></DefaultSettings> is missing");

  // One base URL for everything the add-in serves (a production rewrite that missed a URL shows here).
  const taskpane = runtime && res[runtime.attrs.resid] && res[runtime.attrs.resid].value;
  const base = options.baseUrl || (taskpane && taskpane.replace(/[^/]*$/, ""));
  if (base) {
    const served = [];
    for (const r of Object.values(res)) if (r.kind === "Url" || r.kind === "Image") served.push(r.value, ...Object.values(r.overrides));
    for (const local of ["IconUrl", "HighResolutionIconUrl"]) {
      const e = kid(doc, local, NS.app);
      if (e) served.push(e.attrs.DefaultValue);
    }
    if (def) served.push(def.attrs.DefaultValue);
    for (const u of served) if (u && !u.startsWith(base)) err(`URL ${u} is not under the add-in's base URL ${base}`);
  }
  info.baseUrl = base;
  return { ok: errors.length === 0, errors, warnings, info };
}

module.exports = { checkManifest, parseXml, NS };
