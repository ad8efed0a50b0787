/**
 * The one Lua script behind every `redisStore` step: Redis runs a script atomically, so a
 * check or a record is a single step however many instances share the counts. KEYS come in
 * pairs per policy key: its failures and its reservations, each a sorted set of timestamps
 * (ms) that expires when its newest entry would lapse.
 *
 * ARGV: mode (`reserve` | `settle`), now, windowMs, pendingMs, blockAt, settlement
 * (`fail` | `clear` | `keep`), a member id unique to this call.
 * Returns, for `reserve`, `{ reserved (1|0), states }`; for `settle`, `states`; a state is
 * `{ failures, pending, lapses }`, lapses only when the count reached blockAt.
 */
export const POLICY_SCRIPT = `
local mode, now = ARGV[1], tonumber(ARGV[2])
local window, pendingMs, blockAt = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local settlement, member = ARGV[6], ARGV[7]
local n = #KEYS / 2

local function prune(i)
  redis.call('ZREMRANGEBYSCORE', KEYS[2 * i - 1], '-inf', now - window)
  redis.call('ZREMRANGEBYSCORE', KEYS[2 * i], '-inf', now - pendingMs)
end

local function state(i)
  local failures = redis.call('ZCARD', KEYS[2 * i - 1])
  local pending = redis.call('ZCARD', KEYS[2 * i])
  local lapses = {}
  if failures + pending >= blockAt then
    local f = redis.call('ZRANGE', KEYS[2 * i - 1], 0, -1, 'WITHSCORES')
    for j = 2, #f, 2 do lapses[#lapses + 1] = tonumber(f[j]) + window end
    local p = redis.call('ZRANGE', KEYS[2 * i], 0, -1, 'WITHSCORES')
    for j = 2, #p, 2 do lapses[#lapses + 1] = tonumber(p[j]) + pendingMs end
    table.sort(lapses)
  end
  return { failures, pending, lapses }
end

local states = {}
if mode == 'reserve' then
  local reserved = 1
  for i = 1, n do
    prune(i)
    states[i] = state(i)
    if states[i][1] + states[i][2] >= blockAt then reserved = 0 end
  end
  if reserved == 1 then
    for i = 1, n do
      redis.call('ZADD', KEYS[2 * i], now, member)
      redis.call('PEXPIRE', KEYS[2 * i], pendingMs)
    end
  end
  return { reserved, states }
end

for i = 1, n do
  local failures, pending = KEYS[2 * i - 1], KEYS[2 * i]
  prune(i)
  redis.call('ZPOPMIN', pending, 1)
  if settlement == 'fail' then
    redis.call('ZADD', failures, now, member)
    local count = redis.call('ZCARD', failures)
    if count > blockAt then redis.call('ZREMRANGEBYRANK', failures, 0, count - blockAt - 1) end
    redis.call('PEXPIRE', failures, window)
  elseif settlement == 'clear' then
    redis.call('DEL', failures)
  end
  states[i] = state(i)
end
return states
`

/**
 * Records a used ALTCHA or Cap solution: SET NX with its lifetime, one atomic step, so that of
 * two instances given the same solution at once exactly one sees it first. KEYS[1]: the key;
 * ARGV[1]: its lifetime in ms. Returns 1 when this call set it, 0 when it was set already.
 */
export const ONCE_SCRIPT = `
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 1 end
return 0
`
