import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'

/** A validator for SARIF 2.1.0, from the schema file @microsoft/jest-sarif ships. */
export const sarifValidator = (() => {
  const require = createRequire(import.meta.url)
  const root = dirname(require.resolve('@microsoft/jest-sarif/package.json'))
  const schema = JSON.parse(
    readFileSync(join(root, 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
  ) as object
  // The schema is written in JSON Schema draft 4, and one of its patterns (for
  // `language`) has a stray "]" that only non-Unicode regular expressions accept.
  // A CommonJS package: under NodeNext its class is the default export's `default`.
  const ajv = new Ajv.default({strict: false, allErrors: true, unicodeRegExp: false})
  addFormats.default(ajv)
  return ajv.compile(schema)
})()
