import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const rules = 'packages/remark-session-log/src/rules'

// Rules only check; fix text is built, and the raw text read, by helpers in src/fix/.
const rawSource = 'Rules read the model, not raw source'
const logText = 'Rules read the model, not the log text'

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'dist-bundle/**',
      '.ci/editors/**',
      '**/node_modules/**',
      'fixtures/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {process: 'readonly', console: 'readonly', URL: 'readonly'}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
    },
  },
  {
    files: [`${rules}/**/*.ts`],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[property.name='source'], MemberExpression[property.value='source'], ObjectPattern > Property[key.name='source']",
          message: `${rawSource}: move what reads \`.source\` into a helper in src/fix/ that takes model nodes (an entry, a row, the log).`,
        },
        {
          selector:
            "MemberExpression[object.name='log'][property.name='text'], MemberExpression[object.name='log'][property.value='text'], VariableDeclarator[init.name='log'] > ObjectPattern > Property[key.name='text']",
          message: `${logText}: move what reads \`log.text\` into a helper in src/fix/ that takes the log.`,
        },
      ],
    },
  },
  {
    files: [`${rules}/**/*.ts`],
    ignores: [`${rules}/index.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\./|/rules(/|$)',
              message:
                'A rule does not import another rule: move what they share into src/fix/, src/model/ or src/text/.',
            },
            {
              regex: '/text/names\\.js$',
              message:
                'Rules compare the specs the model matched, or names with model/query.js (sameName, nearName, nameKey).',
            },
          ],
        },
      ],
    },
  },
)
