-- Every order placeOrder accepts must fit its total: up to 50 lines of up to 100 units at the
-- catalog's largest price (NUMERIC(12, 2)) is 49,999,999,999,950.00, fourteen integer digits;
-- NUMERIC(14, 2) held twelve, so such an order failed as INTERNAL. Widening a NUMERIC keeps its
-- values and rewrites no rows, and the previous release reads and writes the column unchanged
-- (ExpandContractTests replays it); named a contract step only because the migration lint cannot
-- tell a widening from a narrowing.
ALTER TABLE orders ALTER COLUMN total_amount TYPE NUMERIC(16, 2);
