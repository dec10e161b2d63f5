import {defineRule, quote} from '../rule.js'

export const templateVersion = defineRule({
  id: 'template-version',
  description: 'The header states the version of the template the log follows',
  why: 'The version says which template the entries follow, so tools check them against the right one. A log that states another version, or none, is checked against a template it may not follow.',
  severity: 'error',
  fixable: false,
  checkDocument(log, report, {schema}) {
    const want = schema.version
    if (!want) return
    const version = log.header.version
    const line = `${schema.versionLabel}: ${want}`
    if (!version) {
      const at = log.header.title ?? {start: log.header.start, end: log.header.start}
      report(at, `The header does not state the template version; add "> ${line}" under the title`)
      return
    }
    if (sameVersion(version.text, want)) return
    report(
      version,
      `The header states version ${quote(version.text)}, but the log is checked against template version "${want}"`,
      {expected: [want]},
    )
  },
})

/** `0.2` and `0.2.0` name one version. */
function sameVersion(a: string, b: string): boolean {
  const parts = (value: string) => value.split('.').map(Number)
  const [x, y] = [parts(a), parts(b)]
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return false
  }
  return true
}
