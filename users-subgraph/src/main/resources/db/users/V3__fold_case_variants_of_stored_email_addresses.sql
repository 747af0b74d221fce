-- Since this release the subgraph stores an address with the lower-case letters that are case
-- variants of one letter folded into one (Unicode's simple case folding of lower-case text: the
-- final sigma to sigma, the long s to s, the dotless i to i, the micro sign to mu, the Greek letter
-- symbols and the old Cyrillic letter variants to their letters), so that an address and its case
-- variants are one account. Addresses stored before are folded the same way, then put in normal
-- form C as the subgraph does. As in V2, an address whose folded form another account already has,
-- or shares with another pending address, is left as it is: two accounts for one address are an
-- operator's to merge (docs/migrations.md). The folds are written as code points so that this file
-- is ASCII; like V2 it needs a UTF8 database, and any other encoding is left alone.
DO $$
DECLARE
    variants text;
    letters text;
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RETURN;
    END IF;
    SELECT string_agg(chr(variant), '' ORDER BY variant), string_agg(chr(letter), '' ORDER BY variant)
    INTO variants, letters
    FROM (VALUES (x'00B5', x'03BC'), (x'0131', x'0069'), (x'017F', x'0073'), (x'0345', x'03B9'),
                 (x'03C2', x'03C3'), (x'03D0', x'03B2'), (x'03D1', x'03B8'), (x'03D5', x'03C6'),
                 (x'03D6', x'03C0'), (x'03F0', x'03BA'), (x'03F1', x'03C1'), (x'03F5', x'03B5'),
                 (x'1C80', x'0432'), (x'1C81', x'0434'), (x'1C82', x'043E'), (x'1C83', x'0441'),
                 (x'1C84', x'0442'), (x'1C85', x'0442'), (x'1C86', x'044A'), (x'1C87', x'0463'),
                 (x'1C88', x'A64B'), (x'1E9B', x'1E61'), (x'1FBE', x'03B9'))
         AS fold(variant_bits, letter_bits),
         LATERAL (SELECT variant_bits::int AS variant, letter_bits::int AS letter) AS code_points;
    WITH pending AS (
        SELECT id, normalize(translate(email, variants, letters), NFC) AS folded FROM users
        WHERE translate(email, variants, letters) <> email
    ), alone AS (
        SELECT p.id, p.folded FROM pending p
        WHERE (SELECT count(*) FROM pending q WHERE lower(q.folded) = lower(p.folded)) = 1
          AND NOT EXISTS (SELECT 1 FROM users o WHERE lower(o.email) = lower(p.folded))
    )
    UPDATE users u SET email = alone.folded FROM alone WHERE u.id = alone.id;
END
$$;
