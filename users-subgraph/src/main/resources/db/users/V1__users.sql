-- The id is the subject (sub) of the user's tokens, assigned by the identity provider:
-- no identity column.
CREATE TABLE users (
    id         BIGINT       PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    email      VARCHAR(254) NOT NULL CHECK (email = lower(email)),
    created_at TIMESTAMPTZ  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0
);

-- One account per email address whatever its case; registerUser and updateProfile rely on
-- this index (not on a check before writing) to report EMAIL_TAKEN.
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

-- user(id), users(first, after) keyset pages and _entities all use the primary key.
