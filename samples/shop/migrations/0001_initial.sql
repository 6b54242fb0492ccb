-- Initial schema of the shop (2019).  One database, one schema, every
-- package's tables side by side; table names are prefixed by package.

CREATE TABLE users_user (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    email            VARCHAR(254) NOT NULL UNIQUE,
    password_hash    VARCHAR(128) NOT NULL,
    full_name        VARCHAR(200) NOT NULL DEFAULT '',
    is_staff         BOOLEAN NOT NULL DEFAULT 0,
    is_active        BOOLEAN NOT NULL DEFAULT 1,
    date_joined      TIMESTAMP NOT NULL,
    last_login       TIMESTAMP
);

CREATE TABLE users_address (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users_user (id) ON DELETE CASCADE,
    line1       VARCHAR(200) NOT NULL,
    line2       VARCHAR(200),
    city        VARCHAR(100) NOT NULL,
    postcode    VARCHAR(20) NOT NULL,
    country     CHAR(2) NOT NULL,
    is_default  BOOLEAN NOT NULL DEFAULT 0
);

CREATE TABLE users_session (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    token       CHAR(64) NOT NULL UNIQUE,
    user_id     INTEGER NOT NULL REFERENCES users_user (id) ON DELETE CASCADE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL
);

CREATE TABLE catalog_category (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    slug       VARCHAR(80) NOT NULL UNIQUE,
    name       VARCHAR(120) NOT NULL,
    parent_id  INTEGER REFERENCES catalog_category (id),
    position   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE catalog_product (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    sku           VARCHAR(32) NOT NULL UNIQUE,
    slug          VARCHAR(120) NOT NULL UNIQUE,
    name          VARCHAR(200) NOT NULL,
    description   TEXT,
    category_id   INTEGER NOT NULL REFERENCES catalog_category (id),
    price         DECIMAL(10, 2) NOT NULL,
    currency      CHAR(3) NOT NULL DEFAULT 'EUR',
    weight_grams  INTEGER NOT NULL DEFAULT 0,
    is_active     BOOLEAN NOT NULL DEFAULT 1,
    updated_at    TIMESTAMP
);

CREATE TABLE catalog_inventory (
    product_id  INTEGER PRIMARY KEY REFERENCES catalog_product (id),
    on_hand     INTEGER NOT NULL DEFAULT 0,
    reserved    INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0)
);

CREATE TABLE cart_cart (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL UNIQUE REFERENCES users_user (id),
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP,
    coupon_code  VARCHAR(32)
);

CREATE TABLE cart_item (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    cart_id     INTEGER NOT NULL REFERENCES cart_cart (id) ON DELETE CASCADE,
    product_id  INTEGER NOT NULL REFERENCES catalog_product (id),
    quantity    INTEGER NOT NULL DEFAULT 1,
    UNIQUE (cart_id, product_id)
);

CREATE TABLE orders_order (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    number            VARCHAR(20) NOT NULL UNIQUE,
    user_id           INTEGER NOT NULL REFERENCES users_user (id),
    status            VARCHAR(20) NOT NULL,
    currency          CHAR(3) NOT NULL,
    subtotal          DECIMAL(12, 2) NOT NULL,
    shipping          DECIMAL(12, 2) NOT NULL,
    discount          DECIMAL(12, 2) NOT NULL DEFAULT 0,
    vat               DECIMAL(12, 2) NOT NULL,
    grand_total       DECIMAL(12, 2) NOT NULL,
    shipping_address  TEXT NOT NULL,
    placed_at         TIMESTAMP NOT NULL
);

CREATE INDEX orders_order_user ON orders_order (user_id, placed_at);

CREATE TABLE orders_line (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id    INTEGER NOT NULL REFERENCES orders_order (id) ON DELETE CASCADE,
    product_id  INTEGER NOT NULL REFERENCES catalog_product (id),
    sku         VARCHAR(32) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    unit_price  DECIMAL(10, 2) NOT NULL,
    quantity    INTEGER NOT NULL
);

CREATE TABLE payments_payment (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id        INTEGER NOT NULL REFERENCES orders_order (id),
    provider_ref    VARCHAR(64) UNIQUE,
    state           VARCHAR(16) NOT NULL,
    amount          DECIMAL(12, 2) NOT NULL,
    currency        CHAR(3) NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    captured_at     TIMESTAMP,
    failure_reason  VARCHAR(200)
);

CREATE TABLE notifications_message (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER REFERENCES users_user (id) ON DELETE SET NULL,
    channel     VARCHAR(10) NOT NULL DEFAULT 'email',
    recipient   VARCHAR(254) NOT NULL,
    template    VARCHAR(50) NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    body        TEXT NOT NULL,
    status      VARCHAR(10) NOT NULL DEFAULT 'queued',
    attempts    INTEGER NOT NULL DEFAULT 0,
    created_at  TIMESTAMP NOT NULL,
    sent_at     TIMESTAMP
);

CREATE INDEX notifications_message_status ON notifications_message (status);
