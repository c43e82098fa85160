// ESLint (flat config): eslint's and typescript-eslint's recommended rules over the
// TypeScript and JavaScript of the tree. The type-aware rule sets are left out: they
// would run the type checker a second time, and `tsc --noEmit` already runs in npm test.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['node_modules/', 'build/', 'firmware-sim/build/', 'data/', 'test-results/', 'bench/out/', '.tmp/', '**/*.wip', 'web/dist/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore names what is there on purpose and not read: a callback's
      // unused parameter, a field left out of a rest copy (`const { a: _a, ...rest } = o`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `ok ? a() : b()` and `x && f()` as statements are this code's idiom; a comma
      // sequence or a lone value as a statement is still an error.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    // Tests read JSON bodies and poke at doubles' internals: `any` there is the honest type.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // The web console: browser code, Vue single-file components (eslint-plugin-vue, TypeScript inside <script>).
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['web/**/*.ts', 'web/**/*.vue'],
    languageOptions: { globals: globals.browser, parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: {
      // prettier owns the layout of templates too
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
);
