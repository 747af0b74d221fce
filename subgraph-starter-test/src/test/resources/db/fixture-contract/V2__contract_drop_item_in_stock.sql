-- Contract too early: the previous release still reads and writes in_stock.
ALTER TABLE item DROP COLUMN in_stock;
