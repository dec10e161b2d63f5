import {FILE_HEADERS_ONLY, formatPatch, structuredPatch, type StructuredPatchHunk} from 'diff'

/**
 * A unified diff of one file, `a/name` to `b/name`, as `git apply` reads it. A log is
 * compared entry by entry when both sides have as many `## ` headings: a diff of the
 * whole of a long log whose every entry changed (a migration) takes time that grows with
 * its length times its changes, and any cut of both texts into pieces gives a valid diff.
 */
export function fileDiff(name: string, before: string, after: string): string {
  const olds = pieces(before)
  const news = pieces(after)
  const [oldPieces, newPieces] = olds.length === news.length ? [olds, news] : [[before], [after]]
  const hunks: StructuredPatchHunk[] = []
  let oldLine = 0
  let newLine = 0
  oldPieces.forEach((oldPiece, index) => {
    const newPiece = newPieces[index]!
    for (const hunk of structuredPatch('', '', oldPiece, newPiece, '', '').hunks) {
      hunks.push({...hunk, oldStart: hunk.oldStart + oldLine, newStart: hunk.newStart + newLine})
    }
    oldLine += lineCount(oldPiece)
    newLine += lineCount(newPiece)
  })
  const patch = {oldFileName: `a/${name}`, newFileName: `b/${name}`, hunks}
  return formatPatch({...patch, oldHeader: undefined, newHeader: undefined}, FILE_HEADERS_ONLY)
}

// Cut before each level-2 heading: the entries of a log.
function pieces(text: string): string[] {
  return text.split(/(?=^## )/m)
}

function lineCount(text: string): number {
  return text.split('\n').length - 1
}
