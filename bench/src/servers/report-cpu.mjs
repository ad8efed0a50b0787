// Answers the bench's `cpu` message with this process's CPU time in µs, user plus system:
// divided by the requests served it gives the server's own cost per request.
process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage()
    process.send({ cpuMicros: user + system })
  }
})
