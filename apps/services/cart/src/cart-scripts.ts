// The cart's writes, each one Lua script: Redis runs a script without interleaving any other
// command, so a read-check-write on one cart (is there room for one more unit?) can never race
// another. Every script takes the same two keys and the same first two arguments:
//   KEYS[1] the cart's lines (a hash: product id -> quantity)
//   KEYS[2] the expiry index (a sorted set: cart id scored by its logical expiry, epoch ms)
//   ARGV[1] the cart id, ARGV[2] now (epoch ms; the caller's clock, so tests can move it)
// A cart is logically expired once its score is at or before now; its hash outlives that by a
// grace period so that the sweeper can still read it. Whoever removes an expired cart from the
// index first (a sweeper, or a write to the expired cart) owns it and counts it as abandoned: the
// ZREM happens inside a script, so exactly one caller ever receives its lines.
import { LuaScript } from "./lua-script.ts";

/** Takes the cart out of the index and returns its lines when it is expired; {} otherwise. */
const CLAIM_IF_EXPIRED = `
local function claimIfExpired()
  local expiry = redis.call('ZSCORE', KEYS[2], ARGV[1])
  if expiry and tonumber(expiry) <= tonumber(ARGV[2]) then
    local lines = redis.call('HGETALL', KEYS[1])
    redis.call('DEL', KEYS[1])
    redis.call('ZREM', KEYS[2], ARGV[1])
    return lines
  end
  return {}
end
`;

/** For the sweeper: claims one expired cart. Returns its lines (empty when someone was first). */
export const claimExpiredCart = new LuaScript(`${CLAIM_IF_EXPIRED}
return claimIfExpired()
`);

/**
 * Adds to or sets one line, within the limits, and refreshes the cart's expiry.
 *   ARGV[3] product id, ARGV[4] 'add' | 'set', ARGV[5] quantity, ARGV[6] units available,
 *   ARGV[7] max quantity per line, ARGV[8] max lines, ARGV[9] ttl ms, ARGV[10] grace ms
 * Returns { outcome, detail, abandoned lines, lines after, expiresAt }: outcome OK, QUANTITY_LIMIT
 * (detail: quantity in the cart), OUT_OF_STOCK (detail: quantity in the cart) or LINE_LIMIT
 * (detail: lines in the cart). A refused change changes nothing, not even the expiry.
 */
export const changeLine = new LuaScript(`${CLAIM_IF_EXPIRED}
local abandoned = claimIfExpired()
local now = tonumber(ARGV[2])
local productId = ARGV[3]
local current = tonumber(redis.call('HGET', KEYS[1], productId) or '0')
local target = tonumber(ARGV[5])
if ARGV[4] == 'add' then target = current + target end
if target > tonumber(ARGV[7]) then return { 'QUANTITY_LIMIT', current, abandoned } end
-- Lowering a line the stock can no longer cover is allowed: only growing it must fit.
if target > current and target > tonumber(ARGV[6]) then return { 'OUT_OF_STOCK', current, abandoned } end
if target == 0 then
  redis.call('HDEL', KEYS[1], productId)
else
  if current == 0 then
    local lines = redis.call('HLEN', KEYS[1])
    if lines >= tonumber(ARGV[8]) then return { 'LINE_LIMIT', lines, abandoned } end
  end
  redis.call('HSET', KEYS[1], productId, target)
end
local expiresAt = now + tonumber(ARGV[9])
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[9]) + tonumber(ARGV[10]))
  redis.call('ZADD', KEYS[2], expiresAt, ARGV[1])
  return { 'OK', current, abandoned, redis.call('HGETALL', KEYS[1]), expiresAt }
end
-- The last line went: an empty cart is no cart, and nothing to abandon.
redis.call('ZREM', KEYS[2], ARGV[1])
return { 'OK', current, abandoned, {}, 0 }
`);

/** Empties the cart. Returns the lines of an expired cart it found (to count as abandoned). */
export const clearCart = new LuaScript(`${CLAIM_IF_EXPIRED}
local abandoned = claimIfExpired()
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return abandoned
`);
