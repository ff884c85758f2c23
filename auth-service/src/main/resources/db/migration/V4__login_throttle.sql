-- Failed sign-in attempts per subject ('account:<e-mail>' or 'address:<ip>') within a
-- window. Kept in the database so every replica sees the same counts.
CREATE TABLE login_failure (
    subject        text        PRIMARY KEY,
    failures       integer     NOT NULL,
    window_started timestamptz NOT NULL
);
