"""Word reader: a .docx document, through mammoth, into a Document.

mammoth turns Word's structure (the Title and Heading styles, lists, tables,
links, bold and italic) into plain HTML, which the HTML reader's rules then
read like any page. Google Docs' "Download as .docx" gives the same shapes.

Before mammoth opens it, the file is checked as the zip archive a .docx is
(`check_archive`): a file that is not one, has no document inside, has too
many parts, or would expand to far more than any article (a zip bomb) is
refused with a clear message.

Pictures become ``Image`` nodes where they stand, with their alt text (Word's
"Alt Text" description); `pages.import_file` validates them and saves them in
the image library, and the report asks the writer for any missing alt text.
"""

import io
import zipfile

import mammoth

from .document import Image, ImportFailed
from .html_page import read_html

#: Word's styles mapped to HTML: Title is the article's title, Subtitle its summary.
STYLE_MAP = """
p[style-name='Title'] => h1.title:fresh
p[style-name='Subtitle'] => p.subtitle:fresh
p[style-name='Quote'] => blockquote:fresh
p[style-name='Intense Quote'] => blockquote:fresh
"""
MAX_PARTS = 1000
#: Uncompressed: text and pictures of one article never come near this.
MAX_EXPANDED_SIZE = 50 * 1024 * 1024
MAX_DOCUMENT_XML = 10 * 1024 * 1024
#: Text compresses well, but a part that expands more than this is a zip bomb.
MAX_RATIO = 200


def check_archive(data):
    """The open ZipFile of a .docx, or ImportFailed saying why it cannot be one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise ImportFailed(
            "This is not a Word document (.docx): the file is damaged or another format. "
            "Open it in Word or Google Docs and save it again as .docx."
        ) from error
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise ImportFailed(f"The Word document has {len(infos):,} parts, too many for an article.")
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise ImportFailed(
            "This is not a Word document (.docx): it has no document text inside. Old .doc "
            "files must be saved again as .docx."
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_RATIO and info.file_size > 1024 * 1024:
            raise ImportFailed(
                f"The Word document's part “{info.filename}” would expand {ratio:.0f} times "
                "its size (a “zip bomb”), so it was not opened."
            )
        if info.filename == "word/document.xml" and info.file_size > MAX_DOCUMENT_XML:
            raise ImportFailed("The Word document's text is far too long for one article.")
    if total > MAX_EXPANDED_SIZE:
        raise ImportFailed(
            f"The Word document would expand to {total // (1024 * 1024)} MB, more than the "
            f"{MAX_EXPANDED_SIZE // (1024 * 1024)} MB an article can be."
        )
    return archive


def read_docx(data):
    """The Document of a Word file (bytes). Raises ImportFailed when it cannot be read."""
    check_archive(data)
    images = {}

    def convert_image(image):
        with image.open() as stream:
            content = stream.read()
        src = f"docx-image:{len(images)}"
        images[src] = Image(
            data=content,
            content_type=image.content_type or "",
            alt=(image.alt_text or "").strip(),
            filename=f"image-{len(images) + 1}",
        )
        return {"src": src}

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=STYLE_MAP,
            convert_image=mammoth.images.img_element(convert_image),
        )
    except (KeyError, ValueError, zipfile.BadZipFile, OSError) as error:
        raise ImportFailed(
            "The Word document could not be read (it may be damaged): open it in Word or "
            "Google Docs and save it again as .docx."
        ) from error
    except Exception as error:  # mammoth's XML parser raises its own error types
        raise ImportFailed(
            f"The Word document could not be read ({type(error).__name__}): save it again as .docx."
        ) from error
    return read_html(f"<html><body>{result.value}</body></html>", images=images)
