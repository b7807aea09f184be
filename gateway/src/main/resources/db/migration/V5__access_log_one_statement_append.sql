-- The writer's fast path (decision 0018): a batch whose chain heads the writer already knows is appended with one
-- statement, in one round trip: it moves each head only if it is still where the writer last saw it, and inserts
-- the entries only if every head moved. This function is the guard between the two: when another writer (another
-- gateway replica) moved a head meanwhile, it aborts the whole statement with SQLSTATE BP409, nothing is written,
-- and the writer takes the locking path (SELECT ... FOR UPDATE of the heads) for that batch.
CREATE FUNCTION access_log_heads_moved(expected integer, moved bigint) RETURNS integer
    LANGUAGE plpgsql AS
$$
BEGIN
    IF moved <> expected THEN
        RAISE EXCEPTION 'access-log chain heads moved by another writer: % of % where expected', moved, expected
            USING ERRCODE = 'BP409';
    END IF;
    RETURN expected;
END;
$$;

REVOKE ALL ON FUNCTION access_log_heads_moved(integer, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access_log_heads_moved(integer, bigint) TO ${app_role};
