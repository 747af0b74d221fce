-- Indexes for the products page filters that a page in id order would otherwise answer by
-- reading the table until it has found a page: on a large catalog, every product.

-- The search, a case-insensitive substring of the name: a term that few names contain.
-- pg_trgm ships with PostgreSQL and is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS product_name_trgm_idx ON product USING gin (lower(name) gin_trgm_ops);

-- inStock: false, the few products out of stock, in id order.
CREATE INDEX IF NOT EXISTS product_out_of_stock_idx ON product (id) WHERE stock_quantity = 0;
