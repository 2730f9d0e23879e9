/**
 * Jest stub for `office-addin-manifest`. office-addin-mock imports it only for the OfficeApp
 * enum, but the real package loads an ES module that jest's CommonJS mode rejects.
 * Mapped in jest.config.js (moduleNameMapper).
 */
"use strict";
const OfficeApp = {
  Excel: "excel",
  OneNote: "onenote",
  Outlook: "outlook",
  PowerPoint: "powerpoint",
  Project: "project",
  Word: "word",
};
function toOfficeApp(value) {
  const v = String(value || "").toLowerCase();
  return Object.values(OfficeApp).find((a) => a === v);
}
module.exports = {
  OfficeApp,
  toOfficeApp,
  parseOfficeApp: (v) => {
    const app = toOfficeApp(v);
    if (!app) throw new Error(`Unknown Office app: ${v}`);
    return app;
  },
  getOfficeApps: () => Object.values(OfficeApp),
};
