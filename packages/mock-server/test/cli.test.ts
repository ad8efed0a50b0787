import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createEmulator, solveChallenge } from '../src/index'
import { bundleForNode } from './bundle'
import { validate } from './helpers'

// The CLI runs as its own process from a bundle of the sources, its browser assets inlined as
// in `dist/`.
let cliFile: string
const children: ChildProcess[] = []

beforeAll(async () => {
  cliFile = await bundleForNode('../src/cli.ts', 'cli.mjs')
})

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

function runCli(args: string[]) {
  const child = spawn(process.execPath, [cliFile, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 200 && !pattern.test(output); i++)
      await new Promise((r) => setTimeout(r, 25))
    const match = pattern.exec(output)
    if (!match) throw new Error(`no ${pattern} in output:\n${output}`)
    return match
  }
  return { child, exited, waitFor, output: () => output }
}

describe('passline-mock', () => {
  it('listens, logs one line per request, and stops cleanly on SIGTERM', async () => {
    const cli = runCli(['--port', '0'])
    const [, url] = await cli.waitFor(/ready: (http:\/\/127\.0\.0\.1:\d+)/)
    await validate(url!, { pass_token: 'pt_nope' })
    await cli.waitFor(/POST \/v1\/validate 200 [\d.]+ms/)
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
    expect(cli.output()).toContain('SIGTERM: stopping')
  })

  it('stops cleanly on SIGINT too', async () => {
    const cli = runCli(['--port', '0', '--quiet'])
    await cli.waitFor(/ready: /)
    cli.child.kill('SIGINT')
    expect(await cli.exited).toBe(0)
  })

  it('serves the apps of a config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passline-mock-'))
    const config = join(dir, 'passline-mock.json')
    writeFileSync(
      config,
      JSON.stringify({
        apps: [{ appKey: 'shop', appSecret: 'shop-secret' }],
        sites: [{ provider: 'hcaptcha', siteKey: 'shop-site', secret: 'shop-hc-secret' }],
      }),
    )
    const cli = runCli(['--port', '0', '--config', config])
    const [, url] = await cli.waitFor(/ready: (http:\/\/\S+)/)
    const answer = await fetch(`${url}/v1/validate`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-app-key': 'shop',
        'x-app-secret': 'shop-secret',
      },
      body: JSON.stringify({ pass_token: 'pt_x' }),
    })
    expect(((await answer.json()) as { data: unknown }).data).toEqual({
      valid: false,
      error: 'invalid_token',
    })
    const siteverify = await fetch(`${url}/hcaptcha/siteverify`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'secret=shop-hc-secret&response=P1_forged',
    })
    // The secret is known: the token is what is wrong.
    expect(await siteverify.json()).toEqual({
      success: false,
      'error-codes': ['invalid-input-response'],
    })
  })

  it('--seed: accepts the tokens an emulator with the same seed minted elsewhere', async () => {
    const cli = runCli(['--port', '0', '--quiet', '--seed', 'ci-42'])
    const [, url] = await cli.waitFor(/ready: (http:\/\/\S+)/)
    const check = async (seed: string) => {
      const { token } = await solveChallenge(createEmulator({ seed }), { appKey: 'test_pass' })
      return (await validate(url!, { pass_token: token })).body.data
    }
    expect(await check('ci-41')).toEqual({ valid: false, error: 'invalid_token' })
    expect(await check('ci-42')).toMatchObject({ valid: true })
  })

  it('exits with a clear message for a bad config or port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'passline-mock-'))
    const config = join(dir, 'bad.json')
    writeFileSync(config, JSON.stringify({ apps: [{ appKey: 'x' }] }))
    const badConfig = runCli(['--config', config])
    expect(await badConfig.exited).toBe(1)
    expect(badConfig.output()).toContain('apps[0].appSecret must be a non-empty string')
    writeFileSync(config, JSON.stringify({ sites: [{ provider: 'friendly', siteKey: 'k' }] }))
    const badSite = runCli(['--config', config])
    expect(await badSite.exited).toBe(1)
    expect(badSite.output()).toContain('sites[0].provider must be')
    const badPort = runCli(['--port', 'eighty'])
    expect(await badPort.exited).toBe(1)
    expect(badPort.output()).toContain('--port must be 0-65535')
  })
})
