import type { ReactNode } from 'react'
// The samples' shared look (each sample keeps its own copy), on every route.
import './style.css'

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
