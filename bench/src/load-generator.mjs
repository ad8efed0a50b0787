// One autocannon run in a process of its own (so it can have its own core): options as JSON
// in argv[2], the result as JSON on stdout.
import autocannon from 'autocannon'

const result = await autocannon(JSON.parse(process.argv[2]))
process.stdout.write(JSON.stringify(result))
