/**
 * Unit tests (`npx jest`, or `npm test` which builds first — see scripts/test.js).
 * Node environment by default; task-pane tests opt into the DOM with a
 * `/** @jest-environment jsdom *\/` docblock. Browser tests (test/e2e) run separately.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
  moduleFileExtensions: ["ts", "tsx", "js", "jsx", "json"],
  transform: {
    // The project's one TypeScript runner (esbuild, scripts/load-ts.js): it only transpiles
    // (tsconfig.json has isolatedModules); type-checking is `npm run lint` (tsc --noEmit).
    "^.+\\.tsx?$": "<rootDir>/scripts/jest-transform.js",
  },
  moduleNameMapper: {
    // office-addin-mock → office-addin-manifest → an ES module jest's CJS mode rejects.
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
    // Fluent's charts (d3 is ESM-only): a stub that keeps the data; drawn for real in test/e2e.
    "^@fluentui/react-charts$": "<rootDir>/test/stubs/react-charts.js",
    // Stylesheets and images imported by components, if any.
    "\\.(css|less|scss)$": "<rootDir>/test/stubs/style.js",
    "\\.(png|jpe?g|gif|svg)$": "<rootDir>/test/stubs/file.js",
  },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  // Generous: 2 cores are often shared; a hung test still fails.
  testTimeout: 60000,
};
