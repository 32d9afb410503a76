-- Trigram full-text index over the normalised old and new text of address_changes (rowid = num).
-- Contentless: the repository writes it in the same transaction as the row.
CREATE VIRTUAL TABLE address_fts USING fts5(old, new, content='', contentless_delete=1, tokenize='trigram');
