// Where the provider is, from the environment: the mock in the demo and the tests. The app key
// is public; the secret is read only on the server, only when a token is checked.
const mockUrl = process.env.PASSLINE_MOCK_URL ?? 'http://127.0.0.1:8787'

export const publicConfig = {
  siteKey: process.env.NEXT_PUBLIC_CAPTCHALA_APP_KEY ?? 'test_pass_invisible',
  scriptUrl: `${mockUrl}/captchala-loader.js`,
}

export const serverConfig = () => ({
  appKey: publicConfig.siteKey,
  appSecret: process.env.CAPTCHALA_APP_SECRET ?? 'test_secret',
  baseUrl: mockUrl,
})
