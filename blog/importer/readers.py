"""From a file's name and bytes to a Document: format by extension, text decoding, errors.

Text must be UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order
mark. Other encodings are refused rather than guessed: a wrong guess would import
garbled medical text without anyone noticing.
"""

import codecs
from pathlib import PurePath

from .document import ImportFailed
from .html_page import read_html
from .markdown import read_markdown
from .text import read_text

READERS = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}
#: The extensions offered to writers (the others are accepted aliases).
MAIN_EXTENSIONS = (".txt", ".md", ".html")
#: Larger files are not articles; refusing them early keeps the admin responsive.
MAX_FILE_SIZE = 1024 * 1024


def is_supported(name):
    return PurePath(name).suffix.lower() in READERS


def decode(data):
    """The text of `data`, or ImportFailed saying why it is not readable text."""
    if not data.strip():
        raise ImportFailed("The file is empty.")
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise ImportFailed("The file is not valid UTF-16 text.") from error
    if b"\x00" in data:
        raise ImportFailed(
            "This is a binary file, not text: save the article as .txt, .md or .html."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed(
            f"The file is not UTF-8 text (undecodable byte at position {error.start}). "
            "Save it again as UTF-8 text."
        ) from error
    if not text.strip():
        raise ImportFailed("The file is empty.")
    return text


def read_document(name, data):
    """The Document of the file called `name` with content `data` (bytes)."""
    suffix = PurePath(name).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise ImportFailed(
            f"Unsupported file type “{suffix or name}”: use {', '.join(MAIN_EXTENSIONS)}."
        )
    if len(data) > MAX_FILE_SIZE:
        raise ImportFailed(
            f"The file is too large ({len(data) // 1024} KB); the limit is "
            f"{MAX_FILE_SIZE // 1024} KB."
        )
    return reader(decode(data))
