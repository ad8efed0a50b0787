import { defineConfig } from 'tsup'
import { definePackageBuild } from '../../tsup.config.base.ts'

export default defineConfig(
  definePackageBuild({
    entry: {
      index: 'src/index.ts',
      express: 'src/express.ts',
      fastify: 'src/fastify.ts',
      hono: 'src/hono.ts',
    },
    external: ['express', 'fastify', 'hono'],
  }),
)
