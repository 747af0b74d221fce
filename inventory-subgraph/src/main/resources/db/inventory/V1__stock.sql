-- Units in stock per catalog product. A product without a row has none (inStock false).
CREATE TABLE stock (
    product_id BIGINT  PRIMARY KEY,
    quantity   INTEGER NOT NULL CHECK (quantity >= 0)
);
