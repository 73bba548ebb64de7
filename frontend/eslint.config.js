import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist", "node_modules", "src/api/generated/**", "test-results", "playwright-report"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-confusing-void-expression": "off",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Features stay independent: shared code flows into features, never across them (STYLE.md).
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../../*/**", "@/features/*/components/*", "@/features/*/api/*"], message: "Import from shared code (api, components, lib) or your own feature." }] },
      ],
    },
  },
  {
    files: ["src/app/**", "e2e/**", "*.config.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["e2e/**", "*.config.ts", "scripts/**"],
    languageOptions: { globals: { ...globals.node } },
    // Playwright fixtures call their continuation `use`, which is not React's hook.
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
);
