import {describe, expect, it} from 'vitest'
import {formatMinutes} from '../src/metrics.js'
import {parseCount, parseDuration, parseTimelineTime} from '../src/model/values.js'

describe('parseCount', () => {
  it.each([
    ['120', 120],
    ['0', 0],
    ['1,240', 1240],
    ['12,345,678', 12345678],
    ['1\u00a0240', 1240],
    ['1\u202f240', 1240],
    ["1'240", 1240],
    ['**120**', 120],
    ['`42`', 42],
    ['120 lines', 120],
    ['120 LOC', 120],
    ['3 issues (all lint)', 3],
    ['90 строк', 90],
    ['12.0', 12],
    ['  7  ', 7],
    ['-0', 0],
  ])('reads %j as %d', (raw, value) => {
    expect(parseCount(raw)).toEqual({value, estimate: false})
  })

  it.each([
    ['~120', 120],
    ['~ 120', 120],
    ['≈120', 120],
    ['about 120', 120],
    ['approx. 1,200', 1200],
    ['roughly 80 lines', 80],
    ['120?', 120],
    ['120ish', 120],
    ['120+', 120],
  ])('reads %j as the estimate %d', (raw, value) => {
    expect(parseCount(raw)).toEqual({value, estimate: true})
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['-20', 'negative'],
    ['−3', 'negative'],
    ['1.5', 'fraction'],
    ['1,5', 'fraction'],
    ['1.240', 'fraction'],
    ['None', 'none'],
    ['zero', 'none'],
    ['a lot', 'unreadable'],
    ['N/A', 'unreadable'],
    ['1,24', 'fraction'],
    ['120-150', 'unreadable'],
    ['~', 'unreadable'],
    ['two', 'unreadable'],
  ])('rejects %j as %s', (raw, problem) => {
    expect(parseCount(raw)).toBe(problem)
  })
})

describe('parseDuration', () => {
  it.each([
    ['45m', 45],
    ['45 m', 45],
    ['45min', 45],
    ['45 min', 45],
    ['45 mins', 45],
    ['90 minutes', 90],
    ['1 minute', 1],
    ["45'", 45],
    ['1h', 60],
    ['1 h', 60],
    ['1hr', 60],
    ['2 hrs', 120],
    ['2 hours', 120],
    ['1 hour', 60],
    ['1h 30m', 90],
    ['1h30m', 90],
    ['1h30', 90],
    ['1 h 30', 90],
    ['1h, 30 min', 90],
    ['1 hour and 30 minutes', 90],
    ['2 hours 15 min', 135],
    ['1.5h', 90],
    ['1.5 hours', 90],
    ['1,5 h', 90],
    ['1½h', 90],
    ['½ h', 30],
    ['1:30', 90],
    ['01:05', 65],
    ['0:45', 45],
    ['1:30h', 90],
    ['1:30:30', 90.5],
    ['half an hour', 30],
    ['an hour', 60],
    ['an hour and a half', 90],
    ['2 and a half hours', 150],
    ['PT1H30M', 90],
    ['pt45m', 45],
    ['1 day', 480],
    ['**1h 20m**', 80],
    ['1h 20m (incl. review)', 80],
    ['1h 20m — most of it in review', 80],
    ['1H 30M', 90],
    ['45 min.', 45],
    ['1 hr. 10 min.', 70],
  ])('reads %j as %d minutes', (raw, value) => {
    expect(parseDuration(raw)).toEqual({value, estimate: false})
  })

  it.each([
    ['~1h', 60],
    ['about 2 hours', 120],
    ['ca. 2 Std.', 120],
    ['3h?', 180],
  ])('reads %j as the estimate of %d minutes', (raw, value) => {
    expect(parseDuration(raw)).toEqual({value, estimate: true})
  })

  it.each([
    ['', 'empty'],
    ['90', 'no-unit'],
    ['1.5', 'no-unit'],
    ['-1h', 'negative'],
    ['a while', 'unreadable'],
    ['30m 1h', 'unreadable'],
    ['1h 1h', 'unreadable'],
    ['1-2h', 'unreadable'],
    ['1:75', 'unreadable'],
    ['3 weeks', 'unreadable'],
    ['pt', 'unreadable'],
    ['N/A', 'unreadable'],
  ])('rejects %j as %s', (raw, problem) => {
    expect(parseDuration(raw)).toBe(problem)
  })
})

describe('parseTimelineTime', () => {
  it.each([
    ['00:00', 0],
    ['00:05', 5],
    ['01:05', 65],
    ['1:05', 65],
    ['12:30', 750],
    ['**00:45**', 45],
  ])('reads %j as %d minutes', (raw, value) => {
    expect(parseTimelineTime(raw)).toBe(value)
  })

  it.each(['', '0:5', '00:60', '1h', '00:05:30', 'half past', '10.30'])('rejects %j', (raw) => {
    expect(parseTimelineTime(raw)).toBeUndefined()
  })
})

describe('formatMinutes', () => {
  it.each([
    [45, '45m'],
    [60, '1h'],
    [80, '1h 20m'],
    [180, '3h'],
    [89.6, '1h 30m'],
  ])('writes %d minutes as %j', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text)
  })
})
