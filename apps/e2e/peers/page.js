// Shared by the React peer pages: the record (record.js) and where the element is shown.
import { createRoot } from 'react-dom/client'

export { onError, onToken, record, siteKey } from './record.js'

export function show(element) {
  createRoot(document.getElementById('app')).render(element)
}
