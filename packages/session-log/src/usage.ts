/** A command line that cannot be run as written; the command exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** The stack of an error and of every error that caused it, for --debug. */
export function debugReport(error: unknown): string {
  const parts: string[] = []
  for (let cause = error; cause !== undefined; cause = (cause as Error).cause) {
    parts.push(cause instanceof Error ? cause.stack || cause.message : String(cause))
    if (!(cause instanceof Error)) break
  }
  return `${parts.join('\nCaused by: ')}\n`
}

export const help = `Usage: session-log <command> [options]

Check, fix, scaffold and sum up AI session logs (SESSION_LOG.md).

Commands:
  check [paths or globs...]  Check logs (default: SESSION_LOG.md in this folder)
  fix [paths or globs...]    Apply the automatic fixes, then report what is left
  new [file]                 Insert a new entry at the top of the log
  init [file]                Create a log with the template's header and footer
  migrate --to 0.3 [files...]
                             Rewrite 0.2 logs as 0.3 Heartbeat Logs
  stats [paths or globs...]  What the logs say: time saved, lines kept,
                             hallucinations, kill switch, context rot

Options of check and fix:
  --fix                      Apply the automatic fixes (check only)
  --fix-dry-run              Print the fixes as a unified diff; write nothing
                             (fix: --dry-run)
  -f, --format <name>        stylish (default), json, github or sarif
  -o, --output-file <path>   Write the report to a file
  --max-warnings <n>         Fail when there are more than n warnings
  --max-size <size>          Refuse logs larger than this (default: 50MB)
  -q, --quiet                Report errors only
  --rule <id>=<severity>     Set a rule to off, warn or error (repeatable)
  --since <git ref>          Report only entries changed since the ref; rules of the
                             whole log (order, duplicates) still report
  --cache                    Keep findings in .session-logcache; an unchanged log is
                             not checked again, a changed one only where it changed
  --cache-location <path>    Where --cache keeps them
  --threads <n>              Threads that check a large log (default: one per core
                             up to 4 on more than two cores, else 1)
  --color, --no-color        Force colors on or off (or FORCE_COLOR=1, NO_COLOR=1)

Options of new:
  --title <text>             What the session was about (asked on a terminal)
  --date <YYYY-MM-DD>        Default: today
  --engineer <name>          Default: git config user.name, then your user name
  --tool <text>              Default: the AI tool of the newest entry
  --feature <text>           Default: the feature of the newest entry
  --mode <text>              A, or B (Heartbeat k of N); default: the placeholder
  --dry-run                  Print the entry; write nothing
  --max-size <size>          As for check

Options of migrate:
  --to <version>             The version to write: 0.3
  --dry-run                  Print the changes as a unified diff; write nothing
  --max-size <size>          As for check

Options of stats:
  -f, --format <name>        text (default), markdown, json or html
  -o, --output-file <path>   Write the report to a file (html: report.html)
  --from <YYYY-MM-DD>        Only entries dated on or after this day
  --to <YYYY-MM-DD>          Only entries dated on or before this day
  --by <groupings>           engineer, tool, feature, month (default: all four);
                             comma-separated or repeated
  --link-base <url>          html: link takeaways to <url><log path>#L<line>
  --max-size <size>          As for check
  --color, --no-color        As for check

Options of every command:
  --template <id or path>    Template to check against or scaffold from
                             (default: the one the log's header names)
  --no-js-config             Never load .session-logrc.js, .cjs or .mjs: they run
                             code (the other settings files still apply)
  --debug                    Show the stack trace of an unexpected error, and
                             how worker threads shared a log (or why they could not)
  -h, --help                 Show this help
  -v, --version              Show the version

Settings are read from .session-logrc (JSON), .session-logrc.json, .yaml, .yml,
.js, .cjs or .mjs, or the "sessionLog" key of package.json, in the log's folder or
above it. Files listed in .session-logignore are skipped.

Exit codes: 0 clean; 1 errors, or more warnings than --max-warnings;
2 usage, settings or file errors (stats: 0, or 2 when a log cannot be read).
`
