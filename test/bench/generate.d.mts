/** A valid session log of `entries` entries, newest first; `defectRate` of them carry a defect. */
export function generateLog(entries: number, options?: {seed?: number; defectRate?: number}): string
/** The log with `typed` inserted before the middle entry's learnings: an edit in one entry. */
export function typedIn(text: string, typed: string): string
