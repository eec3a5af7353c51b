-- A token that every write to the catalogue tables changes in its own transaction. result-service keeps the catalogue
-- it read between batches and reads it again only when the token moved; a write by any replica moves it. A random
-- token rather than a counter: a database restored to an earlier state can never show a token that stood for other
-- rows.
create table catalogue_state (
    id    smallint primary key default 1 check (id = 1),
    token uuid     not null
);

insert into catalogue_state (token) values (gen_random_uuid());
