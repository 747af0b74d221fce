-- The previous release inserts items without a code.
ALTER TABLE item ADD COLUMN code VARCHAR(10) NOT NULL;
