CREATE TABLE item (
    id       BIGINT       PRIMARY KEY,
    name     VARCHAR(100) NOT NULL,
    price    NUMERIC(12, 2) NOT NULL CHECK (price >= 0),
    in_stock BOOLEAN      NOT NULL DEFAULT true
);
