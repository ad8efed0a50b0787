import type { Emulator } from './create-emulator'

/** Where the solving helpers send the widget's calls: a mock server's URL, or an emulator. */
export type EmulatorTarget = string | Emulator

/** `path` on `target`: over HTTP for a URL, in-process (no server, no network) for an emulator. */
export function reach(target: EmulatorTarget, path: string, init: RequestInit): Promise<Response> {
  return typeof target === 'string'
    ? fetch(target + path, init)
    : target.handle(new Request(`http://emulator${path}`, init))
}
