#!/usr/bin/env node
// The `arshjul` command. The packages are TypeScript run directly through tsx (see docs/decisions/002).
import { register } from 'tsx/esm/api'

register()
await import('../src/main.ts')
