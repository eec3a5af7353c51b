-- Keyset paging (docs/PAGING.md): each list endpoint reads its rows in the order of one of these indexes,
-- starting after the last key of the previous page.
create index goal_letter_page on goal_letter (year desc, issuer_unit_id, letter_id);
create index goal_proposal_page on goal_proposal (unit_id, year desc, proposal_id);
