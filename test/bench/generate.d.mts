/** A valid session log of `entries` entries, newest first; `defectRate` of them carry a defect. */
export function generateLog(entries: number, options?: {seed?: number; defectRate?: number}): string
