// Memory of memoryStore() per key: 100,000 keys with one failure each, then with twenty (the
// default blockAfter, the most a key keeps), measured as heap growth after a forced GC in a
// process of its own (`node --expose-gc`).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export function policyMemory({ keys }) {
  // Each case in a fresh process, after a warm-up that is not counted.
  const measureIn = (failures) => {
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', fileURLToPath(import.meta.url), String(keys), String(failures)],
      { encoding: 'utf8' },
    )
    if (run.status !== 0) throw new Error(`policy memory bench failed:\n${run.stderr}`)
    return JSON.parse(run.stdout)
  }
  return { oneFailure: measureIn(1), twentyFailures: measureIn(20) }
}

async function measure(keys, failures) {
  const { createPolicy, memoryStore } = await import('@passline/server')
  const failure = { success: false, error: 'invalid_token', provider: 'captchala', raw: null }
  const heap = () => {
    globalThis.gc()
    globalThis.gc()
    return process.memoryUsage().heapUsed
  }
  const fill = async (policy, count, offset) => {
    for (let key = offset; key < offset + count; key++) {
      const ip = { ip: `10.${key >> 16}.${(key >> 8) & 255}.${key & 255}` }
      for (let i = 0; i < failures; i++) {
        await policy.check(ip)
        await policy.record(ip, failure)
      }
    }
  }
  const options = { store: memoryStore({ maxKeys: keys * 2 }), meter: false, blockAfter: 20 }
  const policy = createPolicy(options)
  await fill(policy, 2_000, 1 << 20)
  const before = heap()
  await fill(policy, keys, 0)
  const bytes = heap() - before
  return { keys, failures, bytes, bytesPerKey: bytes / keys }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(
    JSON.stringify(await measure(Number(process.argv[2]), Number(process.argv[3]))),
  )
}
