-- 2021: refunds, paid_at on orders, marketing opt-in, SMS preferences.

ALTER TABLE orders_order ADD COLUMN paid_at TIMESTAMP;

ALTER TABLE users_user ADD COLUMN marketing_opt_in BOOLEAN NOT NULL DEFAULT 0;

CREATE TABLE payments_refund (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    payment_id    INTEGER NOT NULL REFERENCES payments_payment (id),
    amount        DECIMAL(12, 2) NOT NULL,
    reason        VARCHAR(200) NOT NULL,
    provider_ref  VARCHAR(64),
    created_at    TIMESTAMP NOT NULL
);

CREATE TABLE notifications_preference (
    user_id            INTEGER PRIMARY KEY REFERENCES users_user (id) ON DELETE CASCADE,
    order_updates_sms  BOOLEAN NOT NULL DEFAULT 0,
    newsletter         BOOLEAN NOT NULL DEFAULT 0,
    phone              VARCHAR(20)
);
