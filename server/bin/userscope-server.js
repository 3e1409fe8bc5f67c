#!/usr/bin/env node
// The package's bin: runs the built CLI (`npm run build` first when working from the repository).
import '../dist/cli.js';
