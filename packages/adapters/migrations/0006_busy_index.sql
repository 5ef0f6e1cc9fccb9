-- 0006: one GiST index on booking sessions instead of two (issue 3, booking load).
--
-- `booking_sessions_busy` (network, time; migration 0002) duplicated what the index of the
-- exclusion constraint `booking_sessions_no_overlap` (network, specialist, time, over the
-- same sessions holding seats) already answers: the busy time of one specialist (every
-- booking check; the storage now asks it with an equality on the specialist, which only
-- that index can use) and of a whole network (the free slots of a month, measured as fast
-- over either index: a GiST index does not need its middle column to be constrained).
-- Every new session was inserted into both; GiST inserts over btree_gist text keys were a
-- measured part of PostgreSQL's time per booking. The rules are unchanged: the exclusion
-- constraint and its index stay.

DROP INDEX IF EXISTS booking_sessions_busy;
