import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // This folder is the app's root, not the repository around it (which has its own lockfile).
  outputFileTracingRoot: dirname(fileURLToPath(import.meta.url)),
  // The example has no ESLint setup of its own; the library is linted and typechecked in its repository.
  eslint: { ignoreDuringBuilds: true },
};

export default nextConfig;
