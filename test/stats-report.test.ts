// The HTML report of `session-log stats`, opened in a real browser: Debian's Chromium,
// driven by playwright-core (which downloads no browser of its own).
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {chromium, type Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = join(root, 'packages/session-log/bin/session-log.js')
/** The screenshot the project README shows; `UPDATE_SCREENSHOT=1` makes it anew. */
const screenshot = join(root, 'docs/stats-report.png')

function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], {encoding: 'utf8'})
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim()
  }
  return undefined
}

const executablePath = findChromium()
// CI installs Chromium (.ci/run), so there its absence is a failure; elsewhere the suite
// is skipped, saying why.
if (!executablePath && process.env.CI) {
  throw new Error('chromium is not installed, and CI is set: .ci/run should have installed it')
}
const describeBrowser = executablePath ? describe : describe.skip
if (!executablePath) {
  console.warn(
    'test/stats-report.test.ts skipped: chromium is not installed (apt-get install chromium)',
  )
}

describeBrowser('the HTML report in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'session-log-report-'))
  const report = join(dir, 'report.html')
  let browser: Browser

  beforeAll(async () => {
    execFileSync(
      process.execPath,
      [bin, 'stats', 'fixtures/valid/*.md', '-f', 'html', '-o', report],
      {cwd: root, stdio: 'pipe'},
    )
    browser = await chromium.launch({
      executablePath,
      // Chromium's own background traffic is refused on a closed network; it runs as root
      // in CI, which needs --no-sandbox.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    rmSync(dir, {recursive: true, force: true})
  })

  it('renders its charts from file:// with no error and no request', async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 1500}})
    const problems: string[] = []
    const requests: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('request', (request) => requests.push(request.url()))
    const url = pathToFileURL(report).href
    await page.goto(url, {waitUntil: 'load'})

    expect(await page.title()).toBe('Session log stats')
    const charts = page.locator('figure svg')
    expect(await charts.count()).toBe(5)
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox()
      expect(box?.width).toBeGreaterThan(300)
      expect(box?.height).toBeGreaterThan(100)
      // Bars and lines were drawn, not just axes: filled shapes in the series' colors.
      const marks = await chart
        .locator(
          'path[fill="#2563eb"], path[fill="#d97706"], path[fill="#dc2626"], path[stroke="#dc2626"]',
        )
        .count()
      expect(marks).toBeGreaterThan(0)
    }
    // The headline cards and every grouping's table are there, the takeaways link to lines.
    expect(await page.locator('.card').count()).toBe(12)
    expect(await page.locator('h2').allTextContents()).toEqual([
      'By engineer',
      'By ai tool',
      'By feature',
      'By month',
      'Takeaways',
    ])
    const link = page.locator('.takeaways a').first()
    expect(await link.getAttribute('href')).toMatch(
      /^\.\.\/.*fixtures\/valid\/[\w.-]+\.md#L\d+$|^[\w./-]+\.md#L\d+$/,
    )

    expect(problems).toEqual([])
    expect(requests).toEqual([url])

    const png = await page.screenshot({fullPage: false})
    // A PNG of the page, not an empty one: a blank 1280×1500 page compresses to a few KB.
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(png.length).toBeGreaterThan(50_000)
    if (process.env.UPDATE_SCREENSHOT) writeFileSync(screenshot, png)
    await page.close()
  }, 60_000)

  it('is the screenshot the README shows', () => {
    expect(existsSync(screenshot)).toBe(true)
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('](docs/stats-report.png)')
  })
})
