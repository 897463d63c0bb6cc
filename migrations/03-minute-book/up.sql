-- Loose-leaf minute book (LGA 1972 Sch 12 para 41(2)): minutes may be kept on loose leaves,
-- consecutively numbered. When an authority keeps one, signing a meeting's minutes allocates its
-- pages, following on from the last page of the minutes signed before it: within the municipal
-- year ('year', book_year = the year's start) or across the whole book ('continuous', no year).
-- Additive: existing councils keep no loose-leaf book until they choose one.

ALTER TABLE authority ADD COLUMN minute_book TEXT CHECK (minute_book IS NULL OR minute_book IN ('year', 'continuous'));

ALTER TABLE meeting ADD COLUMN book_year TEXT CHECK (book_year IS NULL OR date(book_year) = book_year);
ALTER TABLE meeting ADD COLUMN book_first_page INTEGER CHECK (book_first_page IS NULL OR book_first_page >= 1);
ALTER TABLE meeting ADD COLUMN book_last_page INTEGER CHECK (book_last_page IS NULL OR book_last_page >= book_first_page);

-- Pages are given only to signed minutes, both ends together; signed rows never change (the
-- meeting_signed_update trigger), so the range is fixed for ever once allocated.
CREATE TRIGGER meeting_book_pages_when_signed BEFORE UPDATE OF book_first_page, book_last_page, book_year ON meeting
WHEN (NEW.book_first_page IS NULL) <> (NEW.book_last_page IS NULL)
  OR (NEW.book_first_page IS NOT NULL AND NEW.minutes_status <> 'signed')
BEGIN
    SELECT RAISE(ABORT, 'minute-book pages are given to signed minutes only, first and last page together');
END;

-- No two signed minutes share a page of the same book (a year's, or the continuous book).
CREATE UNIQUE INDEX meeting_book_first_page ON meeting(coalesce(book_year, ''), book_first_page)
WHERE book_first_page IS NOT NULL;
