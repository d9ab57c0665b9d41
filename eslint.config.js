// Lint rules for every TypeScript part of ResetKit. Type-aware rules stay off to keep
// `npm test` fast; `tsc --build` already checks types.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".wrangler/",
      "desktop/out/",
      "desktop/dist/",
      "test-results/",
      "bench/results/",
      "worker/worker-configuration.d.ts",
      // Bundled from worker/browser by scripts/build-browser.mjs.
      "worker/public/password-feedback.js",
      "worker/public/reset-code-input.js",
      "worker/public/submit-once.js",
      "**/*.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always"],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    files: ["desktop/src/renderer/**/*.{ts,tsx}", "worker/src/web/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["**/*.{js,mjs}", "scripts/**", "bench/**", "test/**"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "no-console": "off" },
  },
);
