#!/usr/bin/env node
// The command pnpm and npm link. It is committed so that the link exists right after
// `pnpm install` in a fresh clone, before `pnpm build` has written dist/. It runs the
// command built into one file (scripts/bundle.mjs), which starts in a third of the time
// that loading dist/bin.js and its dependencies module by module takes.
import '../dist/bundle/session-log.mjs'
