-- Addresses stored before the subgraph wrote them in Unicode normal form C (é as one code
-- point, not e and a combining accent) are rewritten in that form, so that the unique index
-- and every lookup by address see one form for old and new accounts alike. An address whose
-- normal form another account already has, or shares with another pending address, is left
-- as it is: two accounts for one address are an operator's to merge, not a migration's
-- (docs/migrations.md). Only the few unnormalised rows are compared, through the index on
-- lower(email). Normalising needs a UTF8 database; any other encoding stores no such
-- address as text to normalise, and is left alone.
DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RETURN;
    END IF;
    WITH pending AS (
        SELECT id, normalize(email, NFC) AS nfc FROM users WHERE email IS NOT NFC NORMALIZED
    ), alone AS (
        SELECT p.id, p.nfc FROM pending p
        WHERE (SELECT count(*) FROM pending q WHERE lower(q.nfc) = lower(p.nfc)) = 1
          AND NOT EXISTS (SELECT 1 FROM users o WHERE lower(o.email) = lower(p.nfc))
    )
    UPDATE users u SET email = alone.nfc FROM alone WHERE u.id = alone.id;
END
$$;
