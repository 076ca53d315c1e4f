"""From a file's name and bytes to a Document: format by extension, size, text decoding, errors.

Text must be UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order
mark. Other encodings are refused rather than guessed: a wrong guess would import
garbled medical text without anyone noticing. A file mixing UTF-8 with another
encoding (text pasted together from several sources) is refused with its own
message. Word documents are read as the zip archives they are (docx.py).
"""

import codecs
import re
from pathlib import PurePath

from .document import ImportFailed
from .docx import read_docx
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
BINARY_READERS = {".docx": read_docx}
#: The extensions offered to writers (the others are accepted aliases).
MAIN_EXTENSIONS = (".txt", ".md", ".html", ".docx")
#: Larger files are not articles; refusing them early keeps the admin responsive.
MAX_FILE_SIZE = 1024 * 1024
#: Word documents carry their pictures, so they may be larger.
MAX_DOCX_SIZE = 10 * 1024 * 1024
#: A well-formed UTF-8 sequence of two to four bytes (not plain ASCII).
_UTF8_MULTIBYTE_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def is_supported(name):
    suffix = PurePath(name).suffix.lower()
    return suffix in READERS or suffix in BINARY_READERS


def max_size(name):
    return MAX_DOCX_SIZE if PurePath(name).suffix.lower() in BINARY_READERS else MAX_FILE_SIZE


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
            "This is a binary file, not text: save the article as .txt, .md, .html or .docx."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if _UTF8_MULTIBYTE_RE.search(data):
            raise ImportFailed(
                "The file is not UTF-8 text throughout: it mixes UTF-8 with another encoding "
                f"(undecodable byte at position {error.start}), as happens when text from "
                "several sources is pasted together. Save it again as UTF-8 text."
            ) from error
        raise ImportFailed(
            f"The file is not UTF-8 text (undecodable byte at position {error.start}). "
            "Save it again as UTF-8 text."
        ) from error
    if not text.strip():
        raise ImportFailed("The file is empty.")
    return text


def check_size(name, size):
    limit = max_size(name)
    if size > limit:
        raise ImportFailed(
            f"The file is too large ({size // 1024} KB); the limit for this kind of file is "
            f"{limit // 1024} KB. Import one article per file."
        )


def validate(name, data):
    """ImportFailed unless `data` can be read as the file type its name says."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in READERS and suffix not in BINARY_READERS:
        raise ImportFailed(
            f"Unsupported file type “{suffix or name}”: use {', '.join(MAIN_EXTENSIONS)}."
        )
    check_size(name, len(data))
    if suffix in READERS:
        decode(data)


def read_document(name, data):
    """The Document of the file called `name` with content `data` (bytes)."""
    validate(name, data)
    suffix = PurePath(name).suffix.lower()
    if suffix in BINARY_READERS:
        if not data:
            raise ImportFailed("The file is empty.")
        return BINARY_READERS[suffix](data)
    return READERS[suffix](decode(data))
