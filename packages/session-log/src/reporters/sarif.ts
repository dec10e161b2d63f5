import {rules} from 'remark-session-log'
import type {Log, Notification, ReportingDescriptor, Result} from 'sarif'
import {version} from '../version.js'
import {safeJson} from './escape.js'
import type {ReportInput} from './input.js'

/**
 * SARIF 2.1.0, for code scanning: the rules that found something, with their
 * documentation links; every finding with its exact range; and logs that could not be
 * read, as notifications of a failed run.
 */
export function sarif({files, problems}: ReportInput): string {
  const found = new Set(files.flatMap(({findings}) => findings.map((finding) => finding.ruleId)))
  const used = rules.filter((rule) => found.has(rule.id))
  const ruleIndex = new Map(used.map((rule, index) => [rule.id, index]))
  const descriptors: ReportingDescriptor[] = used.map((rule) => ({
    id: rule.id,
    shortDescription: {text: rule.description},
    fullDescription: {text: rule.why},
    help: {text: `${rule.description}. ${rule.why} See ${rule.url}`},
    helpUri: rule.url,
    defaultConfiguration: {level: level(rule.severity)},
    properties: {fixable: rule.fixable},
  }))
  const results: Result[] = files.flatMap(({name, findings}) =>
    findings.map((finding) => ({
      ruleId: finding.ruleId,
      ...(ruleIndex.has(finding.ruleId) ? {ruleIndex: ruleIndex.get(finding.ruleId)} : {}),
      level: level(finding.severity),
      message: {text: finding.message},
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: uriOf(name), uriBaseId: '%SRCROOT%'},
            region: {
              startLine: finding.start.line,
              startColumn: finding.start.column,
              endLine: finding.end.line,
              endColumn: finding.end.column,
            },
          },
        },
      ],
      properties: {fixable: (finding.edits?.length ?? 0) > 0},
    })),
  )
  const notifications: Notification[] = problems.map((problem) => ({
    level: 'error',
    message: {text: problem.message},
    locations: [
      {physicalLocation: {artifactLocation: {uri: uriOf(problem.file), uriBaseId: '%SRCROOT%'}}},
    ],
  }))
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'session-log',
            version,
            informationUri: 'https://github.com/remark-session-log/remark-session-log',
            rules: descriptors,
          },
        },
        invocations: [
          {
            executionSuccessful: problems.length === 0,
            ...(notifications.length > 0 ? {toolExecutionNotifications: notifications} : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
  return `${safeJson(log)}\n`
}

function level(severity: 'warn' | 'error'): 'warning' | 'error' {
  return severity === 'error' ? 'error' : 'warning'
}

// A relative URI reference: each path segment percent-encoded, so "#" or a space in a
// file name cannot turn into a fragment or an invalid URI.
function uriOf(name: string): string {
  // encodeURIComponent throws on half a surrogate pair; such a name shows U+FFFD there.
  const whole = name.replace(/\p{Cs}/gu, '\ufffd')
  return whole.split(/[\\/]/).map(encodeURIComponent).join('/')
}
