import type { NextConfig } from 'next'

const config: NextConfig = {
  reactStrictMode: true,
  // The workspace packages ship ESM builds; Next bundles them like any dependency.
  transpilePackages: [],
  experimental: {
    // A signup is an email and a token: 1 MB (Next's default) is far more than it needs.
    serverActions: { bodySizeLimit: '16kb' },
  },
}

export default config
