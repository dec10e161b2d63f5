import {createTwoFilesPatch, FILE_HEADERS_ONLY} from 'diff'

/** A unified diff of one file, `a/name` to `b/name`, as `git apply` reads it. */
export function fileDiff(name: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  })
}
