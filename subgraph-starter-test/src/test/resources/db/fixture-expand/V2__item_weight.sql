-- Expand: new nullable and defaulted columns, a new table; the previous release never sees them.
ALTER TABLE item ADD COLUMN weight_grams INTEGER, ADD COLUMN currency VARCHAR(3) NOT NULL DEFAULT 'EUR';
CREATE TABLE stock (item_id BIGINT PRIMARY KEY, quantity INTEGER NOT NULL);
