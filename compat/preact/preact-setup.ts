import { options } from 'preact'

// Preact's hooks run effects on the next frame, or after a 35 ms Node timer if no frame
// comes, and that timer then calls cancelAnimationFrame. One still pending when jsdom is torn
// down after a file's last test throws in the next file (seen under load on Preact 11).
// jsdom's own frames end with its window, so its frame alone schedules them here: the hook
// Preact's test utilities use for the same purpose.
options.requestAnimationFrame = (callback) => {
  requestAnimationFrame(callback)
}
