-- Register search at scale (issue 19): the exempt (part 2) minutes' search documents, which
-- are few, found without reading every register row. A search without filters sets them
-- aside by their numbers instead of reading the register row of every match of the index.
CREATE INDEX register_row_exempt ON register_row(doc) WHERE exempt <> 0;
-- The register with no words typed, filtered to a committee: its rows newest first, read
-- directly rather than picked out of every committee's.
CREATE INDEX register_row_body ON register_row(body_id, date, number, limb);
-- What the register's filters test, by search document (read once into memory by a filtered
-- search, see minutes-store's register_columns): a narrow copy in document order, read
-- without the wide rows' words.
CREATE INDEX register_row_filters ON register_row(doc, date, keyword, exempt, body_id);
