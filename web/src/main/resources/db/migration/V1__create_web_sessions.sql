-- The tokens of logged-in people, kept on the server (the browser's session cookie holds only the random id).
CREATE TABLE web_session (
    id            TEXT PRIMARY KEY,
    id_token      TEXT NOT NULL,
    access_token  TEXT,
    refresh_token TEXT,
    access_token_expires_in BIGINT,
    access_token_scope TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX web_session_expires_at ON web_session (expires_at);
