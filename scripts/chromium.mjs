// Where the browser tests and the bench find Chromium (Debian's; the test command installs it),
// and how they start it: headless, and quiet on this machine's closed network.
export const CHROMIUM_PATH = process.env.PASSLINE_CHROMIUM ?? '/usr/bin/chromium'

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
