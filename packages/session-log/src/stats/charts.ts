// The HTML report's charts, drawn by Apache ECharts' server-side SVG renderer: no DOM and
// no script in the page, so the report opens from file:// with nothing to load. Only
// `stats -f html` imports this module; `check` never loads ECharts.

import {BarChart, LineChart} from 'echarts/charts'
import {GridComponent, LegendComponent, TitleComponent} from 'echarts/components'
import * as echarts from 'echarts/core'
import {SVGRenderer} from 'echarts/renderers'
import type {Group} from 'remark-session-log'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer])

const palette = ['#2563eb', '#94a3b8', '#d97706', '#dc2626', '#059669', '#7c3aed']
const font = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'

interface Size {
  width: number
  height: number
}

function render(option: echarts.EChartsCoreOption, size: Size = {width: 640, height: 320}): string {
  const chart = echarts.init(null, null, {renderer: 'svg', ssr: true, ...size})
  chart.setOption({
    animation: false,
    color: palette,
    textStyle: {fontFamily: font},
    grid: {left: 56, right: 24, top: 48, bottom: 56},
    legend: {top: 8},
    ...option,
  })
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

/** Long names (tools, features) shortened for an axis; the tables give them whole. */
function short(key: string): string {
  return key.length > 24 ? `${key.slice(0, 23)}…` : key
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10

/** Session hours and estimated hours without AI, per month. */
export function timeByMonth(months: Group[]): string {
  return render({
    xAxis: {type: 'category', data: months.map((group) => group.key)},
    yAxis: {type: 'value', name: 'hours'},
    series: [
      {name: 'Session time', type: 'bar', data: months.map((group) => hours(group.minutes))},
      {
        name: 'Estimated without AI',
        type: 'bar',
        data: months.map((group) => hours(group.minutesWithoutAI)),
      },
    ],
  })
}

/** The tools with most entries that a chart names; the tables list every one. */
export const chartedTools = 10

/**
 * One figure per AI tool as horizontal bars (tool names read along the axis, however
 * many); `value` is null for a tool without the figures it needs.
 */
function byTool(
  tools: Group[],
  value: (group: Group) => number | null,
  axis: string,
  color: string | undefined,
): string {
  const shown = tools.slice(0, chartedTools)
  return render(
    {
      legend: {show: false},
      grid: {left: 16, right: 40, top: 16, bottom: 40, outerBoundsMode: 'same'},
      xAxis: {type: 'value', name: axis, nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'category', inverse: true, data: shown.map((group) => short(group.key))},
      series: [
        {
          type: 'bar',
          color,
          label: {show: true, position: 'right'},
          data: shown.map(value),
        },
      ],
    },
    {width: 640, height: Math.max(160, 72 + shown.length * 34)},
  )
}

/** The share of AI-generated lines kept after review, per tool. */
export function keepRatioByTool(tools: Group[]): string {
  return byTool(
    tools,
    (group) => (group.keepRatio === null ? null : Math.round(group.keepRatio * 100)),
    'keep ratio, %',
    palette[0],
  )
}

/** Hallucinations per 100 kept lines, per tool. */
export function hallucinationsByTool(tools: Group[]): string {
  return byTool(
    tools,
    (group) =>
      group.hallucinationsPer100Kept === null
        ? null
        : Math.round(group.hallucinationsPer100Kept * 10) / 10,
    'hallucinations per 100 kept lines',
    palette[3],
  )
}

/** The share of entries that fired the kill switch, and that marked 2+ rot signals, per month. */
export function ratesByMonth(months: Group[]): string {
  const share = (part: number, whole: number) =>
    whole === 0 ? null : Math.round((part / whole) * 100)
  return render({
    xAxis: {type: 'category', data: months.map((group) => group.key)},
    yAxis: {type: 'value', name: '% of entries', max: 100},
    series: [
      {
        name: 'Kill switch triggered',
        type: 'line',
        color: palette[3],
        data: months.map((group) => share(group.killSwitchTriggered, group.killSwitchAnswered)),
      },
      {
        name: '2+ context rot signals',
        type: 'line',
        color: palette[2],
        data: months.map((group) => share(group.rotEntries, group.entries)),
      },
    ],
  })
}

/** How many entries marked each context rot signal. */
export function rotSignals(signals: Array<[string, number]>): string {
  return render(
    {
      legend: {show: false},
      grid: {left: 16, right: 40, top: 16, bottom: 32, outerBoundsMode: 'same'},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {
        type: 'category',
        inverse: true,
        data: signals.map(([name]) => (name.length > 36 ? `${name.slice(0, 35)}…` : name)),
      },
      series: [
        {
          type: 'bar',
          color: palette[2],
          label: {show: true, position: 'right'},
          data: signals.map(([, n]) => n),
        },
      ],
    },
    {width: 640, height: Math.max(160, 40 + signals.length * 36)},
  )
}
