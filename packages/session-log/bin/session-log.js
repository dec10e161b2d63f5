#!/usr/bin/env node
// The command pnpm and npm link. It is committed so that the link exists right after
// `pnpm install` in a fresh clone, before `pnpm build` has written dist/.
import '../dist/bin.js'
