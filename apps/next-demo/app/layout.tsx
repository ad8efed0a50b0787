import type { ReactNode } from 'react'

// No favicon file: an empty icon keeps the browser from asking for one.
export const metadata = { title: 'Sign up · Next.js · Passline', icons: { icon: 'data:,' } }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <main>{children}</main>
      </body>
    </html>
  )
}
