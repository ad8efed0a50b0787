import type { NextConfig } from 'next'

const config: NextConfig = {
  reactStrictMode: true,
  // The workspace packages ship ESM builds; Next bundles them like any dependency.
  transpilePackages: [],
}

export default config
