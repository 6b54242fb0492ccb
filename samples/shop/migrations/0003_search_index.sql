-- 2022: move search off LIKE queries on catalog_product to its own table.

CREATE TABLE search_document (
    product_id  INTEGER PRIMARY KEY REFERENCES catalog_product (id) ON DELETE CASCADE,
    title       VARCHAR(200) NOT NULL,
    category    VARCHAR(80) NOT NULL DEFAULT '',
    terms       TEXT NOT NULL,
    boost       DECIMAL(4, 2) NOT NULL DEFAULT 1,
    indexed_at  TIMESTAMP NOT NULL
);

ALTER TABLE catalog_product ADD COLUMN search_boost DECIMAL(4, 2);
