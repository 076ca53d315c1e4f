"""Tables in pasted text: pipe tables and whitespace-aligned (or tab-separated) tables.

Each finder looks at ``lines[start:]`` and returns ``(rows, consumed)`` when a
table starts there, or None. Rows are lists of plain-text cells; the first row
is the header. A table needs a header and at least one row.

* Pipe tables: lines starting with ``|``, or Markdown's form without the outer
  pipes when the second line is a ``---|---`` separator. Separator rows are dropped.
* Aligned tables: two or more consecutive lines whose cells are separated by a
  tab or by two or more spaces, where every cell of every row starts at a column
  where a header cell starts, and no cell but the last ends a sentence (so prose
  with double spaces between sentences is not mistaken for a table). A blank
  first header cell is allowed.
"""

import re

SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CELL_RE = re.compile(r"\S+(?: \S+)*")
NUMBER_RE = re.compile(r"^[<>~≈]?\d[\d.,]*\s?%?$")
#: Cells of an aligned table are short; longer runs are prose.
MAX_ALIGNED_CELL = 60
#: Rows of an aligned table fit on a screen; longer lines are prose (and slow to split).
MAX_ALIGNED_ROW = 400
#: How far (in characters) a cell may start from its header's column.
ALIGNMENT_SLACK = 1


def _strip_markup(cell):
    cell = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", cell)
    return re.sub(r"(\*\*|__|`)", "", cell).strip()


def split_pipe_row(line):
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    cells = re.split(r"(?<!\\)\|", stripped)
    return [_strip_markup(cell.replace("\\|", "|")) for cell in cells]


def find_pipe_table(lines, start):
    first = lines[start].strip()
    if first.startswith("|") and first.count("|") >= 2:
        end = start
        while end < len(lines) and lines[end].strip().startswith("|"):
            end += 1
    elif "|" in first and start + 1 < len(lines) and SEPARATOR_RE.match(lines[start + 1]):
        end = start
        while end < len(lines) and "|" in lines[end]:
            end += 1
    else:
        return None
    rows = [split_pipe_row(line) for line in lines[start:end] if not SEPARATOR_RE.match(line)]
    if len(rows) < 2:
        return None
    return rows, end - start


def _cells(line):
    """``[(start, end, text), ...]`` of a line split on tabs or runs of two or more spaces."""
    if "\t" in line:
        cells, column = [], 0
        for part in line.split("\t"):
            if part.strip():
                cells.append((column, column + len(part), part.strip()))
            column += len(part) + 1
        return cells, True
    return [(m.start(), m.end(), m.group()) for m in _CELL_RE.finditer(line)], False


def _aligned_row(columns, cells):
    """The row's texts placed in `columns` (header spans), or None if a cell fits no column.

    A cell belongs to a column when it starts where the column's heading starts
    (left-aligned), ends where it ends (right-aligned) or, for a number, lies
    under the heading (numbers are often right-aligned under a wider heading).
    """
    row = [""] * len(columns)
    for start, end, text in cells:
        for index, (column_start, column_end) in enumerate(columns):
            fits = (
                abs(start - column_start) <= ALIGNMENT_SLACK
                or abs(end - column_end) <= ALIGNMENT_SLACK
                or (NUMBER_RE.match(text) and start < column_end and end > column_start)
            )
            if fits and not row[index]:
                row[index] = text
                break
        else:
            return None
    return row


def _is_prose(cells):
    """Long runs, or a sentence ending before the last cell: text typed with double spaces."""
    return any(len(text) > MAX_ALIGNED_CELL for *_, text in cells) or any(
        text.endswith((".", "!", "?")) for *_, text in cells[:-1]
    )


def find_aligned_table(lines, start):
    if len(lines[start]) > MAX_ALIGNED_ROW:
        return None
    header, tabbed = _cells(lines[start])
    if len(header) < 2 or _is_prose(header):
        return None
    texts = [text for *_, text in header]
    columns = [(cell_start, cell_end) for cell_start, cell_end, _ in header]
    table = [texts]
    end = start + 1
    while end < len(lines) and lines[end].strip():
        cells, row_tabbed = _cells(lines[end])
        if row_tabbed != tabbed or len(cells) < 2 or _is_prose(cells):
            break
        if tabbed:
            if len(cells) != len(header):
                break
            row = [text for *_, text in cells]
        else:
            if len(table) == 1 and cells[0][0] < columns[0][0] - ALIGNMENT_SLACK:
                # The first column has no heading: rows start left of the header.
                columns.insert(0, (cells[0][0], cells[0][1]))
                table[0] = ["", *texts]
            row = _aligned_row(columns, cells)
            if row is None:
                break
        table.append(row)
        end += 1
    if len(table) < 2:
        return None
    return table, end - start


def find_table(lines, start):
    """The pipe or aligned table starting at ``lines[start]``, as ``(rows, consumed)``, or None."""
    return find_pipe_table(lines, start) or find_aligned_table(lines, start)
